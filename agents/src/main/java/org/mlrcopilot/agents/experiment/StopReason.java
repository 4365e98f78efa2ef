package org.mlrcopilot.agents.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a run ended: a {@link Kind} and, for {@link Kind#DECLINED} and {@link Kind#ERROR}, what happened. Written and
 * read as one string ({@code final-answer}, {@code error: provider unreachable}), the form the run's JSON and the
 * command line show.
 */
public record StopReason(Kind kind, String detail) {

    public enum Kind {
        /** The agent gave its final answer. */
        FINAL_ANSWER("final-answer"),
        /** The step limit was reached. */
        MAX_STEPS("max-steps"),
        /** The wall-time limit was reached. */
        WALL_TIME("wall-time"),
        /** The model budget was spent. */
        BUDGET("budget"),
        /** The team stopped the run. */
        STOPPED("stopped"),
        /** The team did not approve a step the run needed. */
        DECLINED("declined"),
        /** The run could not go on. */
        ERROR("error");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final StopReason FINAL_ANSWER = new StopReason(Kind.FINAL_ANSWER, "");
    public static final StopReason MAX_STEPS = new StopReason(Kind.MAX_STEPS, "");
    public static final StopReason WALL_TIME = new StopReason(Kind.WALL_TIME, "");
    public static final StopReason BUDGET = new StopReason(Kind.BUDGET, "");
    public static final StopReason STOPPED = new StopReason(Kind.STOPPED, "");

    public StopReason {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail.strip();
    }

    public static StopReason error(String detail) {
        return new StopReason(Kind.ERROR, detail);
    }

    public static StopReason declined(String detail) {
        return new StopReason(Kind.DECLINED, detail);
    }

    /** The run failed rather than ended: an error. */
    public boolean failed() {
        return kind == Kind.ERROR;
    }

    /** {@code label} or {@code label: detail}. */
    @JsonValue
    public String text() {
        return detail.isEmpty() ? kind.label : kind.label + ": " + detail;
    }

    @Override
    public String toString() {
        return text();
    }

    /** Reads {@link #text()}; a text of no known kind is an error with that text as its detail. */
    @JsonCreator
    public static StopReason parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        String head = (colon < 0 ? t : t.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String detail = colon < 0 ? "" : t.substring(colon + 1);
        return Arrays.stream(Kind.values())
                .filter(k -> k.label.equals(head))
                .findFirst()
                .map(k -> new StopReason(k, detail))
                .orElseGet(() -> error(t.isEmpty() ? "unknown" : t));
    }
}
