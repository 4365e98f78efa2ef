package org.mlrcopilot.papers.pdf;

/** A section heading spanning lines {@code [start, end)} of the line list. */
record Heading(String text, int level, int start, int end) {

    Heading {
        if (level < 1 || start < 0 || end <= start) {
            throw new IllegalArgumentException("bad heading " + text + " " + level + " " + start + ".." + end);
        }
    }

    boolean named(String regex) {
        return text.replaceFirst("^[\\dA-Z.]+\\s+(?=\\p{L})", "").matches("(?i)" + regex);
    }
}
