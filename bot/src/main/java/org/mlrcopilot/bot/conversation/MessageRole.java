package org.mlrcopilot.bot.conversation;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message in a research's thread stands for, so that a reaction, reply or button on it finds what it was
 * given to, and so that a message drawn again is edited rather than posted twice. Stored as its {@link #key()}
 * ({@code root}, {@code status}, {@code hypothesis:H1:v2}, {@code run:run-…}); {@link #parse} reads it back.
 */
public sealed interface MessageRole
        permits MessageRole.Fixed, MessageRole.Hypothesis, MessageRole.OfRun, MessageRole.Other {

    /** The message that started the research: the user's, or the bot's first post of a new thread. */
    MessageRole ROOT = Fixed.ROOT;
    /** The research's one status message, edited in place. */
    MessageRole STATUS = Fixed.STATUS;
    /** What the bot read in the paper. */
    MessageRole BRIEF = Fixed.BRIEF;
    /** A failure: its cause and the next step. */
    MessageRole PROBLEM = Fixed.PROBLEM;
    /** A reply the team wrote in the thread. */
    MessageRole REPLY = Fixed.REPLY;

    String key();

    static MessageRole hypothesis(String id, int version) {
        return new Hypothesis(id, version);
    }

    static MessageRole of(RunPart part, String runId) {
        return new OfRun(part, runId);
    }

    /** The role stored under {@code key}; a key this version does not know is kept as {@link Other}. */
    static MessageRole parse(String key) {
        Objects.requireNonNull(key, "key");
        for (Fixed f : Fixed.values()) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        Matcher h = Hypothesis.KEY.matcher(key);
        if (h.matches()) {
            return new Hypothesis(h.group(1), h.group(2) == null ? 1 : Integer.parseInt(h.group(2)));
        }
        int colon = key.indexOf(':');
        if (colon > 0 && colon < key.length() - 1) {
            for (RunPart part : RunPart.values()) {
                if (part.prefix().equals(key.substring(0, colon))) {
                    return new OfRun(part, key.substring(colon + 1));
                }
            }
        }
        return new Other(key);
    }

    /** The roles with one message per research. */
    enum Fixed implements MessageRole {
        ROOT,
        STATUS,
        BRIEF,
        PROBLEM,
        REPLY;

        @Override
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One version of a hypothesis, each a message of its own: {@code hypothesis:H1} for v1, {@code hypothesis:H1:v2}
     * for the versions refinement adds.
     */
    record Hypothesis(String id, int version) implements MessageRole {

        private static final Pattern KEY = Pattern.compile("hypothesis:([^:]+)(?::v(\\d{1,6}))?");

        public Hypothesis {
            Objects.requireNonNull(id, "id");
            if (id.isBlank() || id.contains(":")) {
                throw new IllegalArgumentException("bad hypothesis id: " + id);
            }
            version = Math.max(1, version);
        }

        @Override
        public String key() {
            return "hypothesis:" + id + (version == 1 ? "" : ":v" + version);
        }
    }

    /** What a run's messages are: its message with the controls, and what it posts while it runs. */
    enum RunPart {
        /** The run's own message, with Pause/Resume and Stop, redrawn as its state changes. */
        RUN,
        /** Approved and queued, baseline measured, paused, resumed, stop requested. */
        MILESTONE,
        /** The experiment's set-up. */
        SETUP,
        /** The summary of one execution. */
        EXECUTION,
        /** A question of the agent; the next reply answers it. */
        QUESTION,
        /** The results. */
        RESULT;

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A message of one run. */
    record OfRun(RunPart part, String runId) implements MessageRole {

        public OfRun {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(runId, "runId");
        }

        @Override
        public String key() {
            return part.prefix() + ":" + runId;
        }
    }

    /** A role stored by another version of the service; kept as it was. */
    record Other(String key) implements MessageRole {

        public Other {
            Objects.requireNonNull(key, "key");
        }
    }
}
