package org.mlrcopilot.papers.pdf;

/**
 * One printed line. {@code text} separates chunks that are far apart with a tab, so that
 * table cells and author names stay distinguishable; {@link #plain()} uses spaces only.
 */
record Line(String text, int page, float x, float endX, float y, float size, boolean bold, float pageHeight) {

    Line {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a line needs text");
        }
        text = collapseWhitespace(text.strip());
    }

    String plain() {
        return text.replace('\t', ' ');
    }

    int words() {
        return (int) text.chars().filter(c -> c == ' ' || c == '\t').count() + 1;
    }

    int letters() {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }

    char last() {
        return text.charAt(text.length() - 1);
    }

    private static String collapseWhitespace(String text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int end = collapsed.length() - 1;
            if (!Character.isWhitespace(c)) {
                collapsed.append(c);
            } else if (!Character.isWhitespace(collapsed.charAt(end))) {
                collapsed.append(c == '\t' ? '\t' : ' ');
            } else if (c == '\t') {
                collapsed.setCharAt(end, '\t');
            }
        }
        return collapsed.toString();
    }
}
