package org.mlrcopilot.papers.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits the lines of a bibliography into entries: by numeric labels ("[3]", "3."), by
 * hanging indentation, or else by an entry end (year or period) followed by a surname.
 */
final class ReferenceSplitter {

    private static final Pattern LABEL = Pattern.compile("(\\[\\d{1,3}]|\\d{1,3}\\.)\\s.*");
    private static final Pattern ENTRY_END = Pattern.compile(".*(\\.|\\b(19|20)\\d{2}[a-z]?[.)]?)");
    private static final Pattern ENTRY_START = Pattern.compile("\\p{Lu}[\\p{L}'’-]+(,|\\s\\p{Lu}).*");

    private final List<Line> lines;
    private final TextJoiner joiner;
    private final Map<Integer, float[]> leftEdges;

    private ReferenceSplitter(List<Line> lines, TextJoiner joiner) {
        this.lines = List.copyOf(lines);
        this.joiner = joiner;
        this.leftEdges = leftEdges(this.lines);
    }

    static List<String> split(List<Line> lines, TextJoiner joiner) {
        return new ReferenceSplitter(lines, joiner).entries();
    }

    private List<String> entries() {
        if (lines.isEmpty()) {
            return List.of();
        }
        return group(startRule());
    }

    private IntPredicate startRule() {
        long labelled = lines.stream()
                .filter(line -> LABEL.matcher(line.plain()).matches())
                .count();
        if (LABEL.matcher(lines.get(0).plain()).matches() && labelled >= Math.min(3, lines.size())) {
            return i -> LABEL.matcher(lines.get(i).plain()).matches();
        }
        long indented = lines.stream().filter(this::indented).count();
        if (indented * 5 >= lines.size()) {
            return i -> !indented(lines.get(i));
        }
        return i -> ENTRY_END.matcher(lines.get(i - 1).plain()).matches()
                && ENTRY_START.matcher(lines.get(i).plain()).matches();
    }

    private boolean indented(Line line) {
        float[] xs = leftEdges.get(line.page());
        int index = Arrays.binarySearch(xs, line.x() - 3 * line.size());
        float margin = xs[index >= 0 ? index : Math.min(-index - 1, xs.length - 1)];
        return line.x() - margin > 0.3f * line.size();
    }

    private static Map<Integer, float[]> leftEdges(List<Line> lines) {
        Map<Integer, float[]> edges = new HashMap<>();
        lines.stream().collect(Collectors.groupingBy(Line::page)).forEach((page, onPage) -> {
            float[] xs = new float[onPage.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = onPage.get(i).x();
            }
            Arrays.sort(xs);
            edges.put(page, xs);
        });
        return edges;
    }

    private List<String> group(IntPredicate startsEntry) {
        List<String> entries = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= lines.size(); i++) {
            if (i == lines.size() || startsEntry.test(i)) {
                entries.add(joiner.oneParagraph(lines.subList(start, i)));
                start = i;
            }
        }
        return entries;
    }
}
