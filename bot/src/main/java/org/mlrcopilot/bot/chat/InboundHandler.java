package org.mlrcopilot.bot.chat;

/** Receives inbound events; returns quickly (records and hands work on, never waits for a model or a sandbox). */
@FunctionalInterface
public interface InboundHandler {

    /** What the platform should tell the person at once, if anything (e.g. an ephemeral error), else "". */
    String handle(Inbound event);
}
