package org.mlrcopilot.agents.paper.pdf;

/**
 * One printed line. {@code text} separates chunks that are far apart with a tab, so that
 * table cells and author names stay distinguishable; {@link #plain()} collapses them.
 */
record Line(String text, int page, float x, float endX, float y, float size, boolean bold, float pageHeight) {

    Line {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a line needs text");
        }
        text = text.strip();
    }

    String plain() {
        return text.replaceAll("\\s+", " ");
    }

    int words() {
        return plain().split(" ").length;
    }

    int letters() {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }
}
