package org.mlrcopilot.agents.experiment;

/** Shortening of long texts for prompts and observations. */
final class Text {

    private Text() {}

    /** The first and last parts of {@code text}, at most {@code max} characters of it in all. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int head = max / 2;
        int tail = max - head;
        return text.substring(0, head) + "\n[... " + (text.length() - max) + " characters omitted ...]\n"
                + text.substring(text.length() - tail);
    }

    /** The last {@code max} characters of {@code text}. */
    static String tail(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return "[... " + (text.length() - max) + " earlier characters omitted ...]\n"
                + text.substring(text.length() - max);
    }

    static String orNone(String text) {
        return text == null || text.isBlank() ? "(none)" : text.strip();
    }
}
