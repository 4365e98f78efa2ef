package org.mlrcopilot.agents.idea;

import java.util.List;
import java.util.Objects;

/** Checks and trims shared by the records of this package. */
final class Texts {

    private Texts() {}

    /** The stripped text; fails if it is null or blank. */
    static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    /** The stripped, non-blank entries; fails if the list is null. */
    static List<String> list(List<String> values, String name) {
        Objects.requireNonNull(values, name + " must not be null");
        return values.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    /** Like {@link #list} but fails when no entry is left. */
    static List<String> nonEmpty(List<String> values, String name) {
        List<String> kept = list(values, name);
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(name + " must list at least one entry");
        }
        return kept;
    }

    /** At most {@code max} characters, cut at a word boundary and marked with an ellipsis when shortened. */
    static String clip(String text, int max) {
        String s = Objects.requireNonNullElse(text, "").strip();
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    /** Lower case with runs of non-alphanumerics collapsed, for comparing titles. */
    static String normalized(String text) {
        return text.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
