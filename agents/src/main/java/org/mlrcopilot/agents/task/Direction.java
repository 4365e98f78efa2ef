package org.mlrcopilot.agents.task;

import java.util.Locale;

/** Whether a higher or a lower metric value is better. */
public enum Direction {
    HIGHER,
    LOWER;

    /** Parses "higher" or "lower" (any case, surrounding blanks ignored). */
    public static Direction parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "higher" -> HIGHER;
            case "lower" -> LOWER;
            default -> throw new TaskException("direction must be 'higher' or 'lower', not '" + text + "'");
        };
    }

    /** How much better {@code value} is than {@code baseline}, as a signed difference. */
    double gain(double value, double baseline) {
        return this == HIGHER ? value - baseline : baseline - value;
    }
}
