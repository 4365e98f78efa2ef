package org.mlrcopilot.bot.chat;

import java.util.Objects;

/** A thread in a channel; {@code threadId} "" means the channel itself (a new root message). */
public record ThreadRef(String channel, String threadId) {

    public ThreadRef {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("channel is blank");
        }
        threadId = Objects.requireNonNullElse(threadId, "");
    }
}
