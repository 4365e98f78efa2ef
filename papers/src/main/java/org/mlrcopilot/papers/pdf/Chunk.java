package org.mlrcopilot.papers.pdf;

/**
 * A run of text as delivered by the text stripper, usually one word, with its geometry.
 * Coordinates are in points from the top left corner of the page.
 */
record Chunk(String text, int page, float x, float endX, float y, float size, boolean bold, float pageHeight) {

    Chunk {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a chunk needs text");
        }
        if (page < 1) {
            throw new IllegalArgumentException("pages start at 1: " + page);
        }
    }
}
