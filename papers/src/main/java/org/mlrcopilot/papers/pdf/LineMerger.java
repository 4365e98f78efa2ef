package org.mlrcopilot.papers.pdf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Joins consecutive chunks printed on the same baseline into lines. */
final class LineMerger {

    private static final float SAME_LINE = 0.5f;
    private static final float TOUCHING = 0.12f;
    private static final float WIDE_GAP = 1.0f;
    private static final float MAX_GAP = 3.0f;

    private LineMerger() {}

    static List<Line> merge(List<Chunk> chunks) {
        List<Line> lines = new ArrayList<>();
        List<Chunk> current = new ArrayList<>();
        for (Chunk chunk : chunks) {
            if (!current.isEmpty() && !continues(current, chunk)) {
                lines.add(toLine(current));
                current = new ArrayList<>();
            }
            current.add(chunk);
        }
        if (!current.isEmpty()) {
            lines.add(toLine(current));
        }
        return lines;
    }

    private static boolean continues(List<Chunk> line, Chunk next) {
        Chunk anchor = anchor(line);
        Chunk last = line.get(line.size() - 1);
        float size = Math.max(anchor.size(), next.size());
        float gap = next.x() - last.endX();
        return next.page() == anchor.page()
                && Math.abs(next.y() - anchor.y()) < SAME_LINE * size
                && gap > -size
                && gap < MAX_GAP * size;
    }

    private static Chunk anchor(List<Chunk> line) {
        Chunk anchor = line.get(0);
        for (Chunk chunk : line) {
            if (chunk.text().length() > anchor.text().length()) {
                anchor = chunk;
            }
        }
        return anchor;
    }

    private static Line toLine(List<Chunk> chunks) {
        StringBuilder text = new StringBuilder(chunks.get(0).text());
        int boldChars = chunks.get(0).bold() ? chunks.get(0).text().length() : 0;
        for (int i = 1; i < chunks.size(); i++) {
            Chunk previous = chunks.get(i - 1);
            Chunk chunk = chunks.get(i);
            text.append(separator(previous, chunk)).append(chunk.text());
            boldChars += chunk.bold() ? chunk.text().length() : 0;
        }
        Chunk anchor = anchor(chunks);
        Chunk last = chunks.get(chunks.size() - 1);
        boolean bold = boldChars * 10 >= text.toString().strip().length() * 6;
        return new Line(
                text.toString(),
                anchor.page(),
                chunks.get(0).x(),
                last.endX(),
                anchor.y(),
                dominantSize(chunks),
                bold,
                anchor.pageHeight());
    }

    private static float dominantSize(List<Chunk> chunks) {
        Map<Float, Integer> charsBySize = new HashMap<>();
        chunks.forEach(chunk -> charsBySize.merge(chunk.size(), chunk.text().length(), Integer::sum));
        return Collections.max(charsBySize.entrySet(), Map.Entry.comparingByValue())
                .getKey();
    }

    private static String separator(Chunk previous, Chunk next) {
        float gap = next.x() - previous.endX();
        float size = Math.max(previous.size(), next.size());
        if (gap < TOUCHING * size && !previous.text().endsWith(" ")) {
            return "";
        }
        return gap > WIDE_GAP * size ? "\t" : " ";
    }
}
