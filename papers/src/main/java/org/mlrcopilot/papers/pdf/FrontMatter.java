package org.mlrcopilot.papers.pdf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Title and authors from the lines that precede the abstract on the first page. */
final class FrontMatter {

    private static final Pattern AFFILIATION = Pattern.compile("(?i).*(@|https?:|www\\.|universit|institut"
            + "|college|school|department|dept\\.|laborator|\\blab\\b|centre|center|research|inc\\.|corp"
            + "|google|microsoft|facebook|\\bmeta\\b|\\bai2\\b|academy|foundation|\\d{3,}).*");
    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:[,;\\t&|·†‡∗*§¶⋆★♠♣♥♦]|\\band\\b)+\\s*");
    private static final Pattern NAME =
            Pattern.compile("\\p{Lu}[\\p{L}.'’-]*(\\s+(\\p{Lu}[\\p{L}.'’-]*|van|von|de|der|den|da|di|la|le|del)){1,4}");

    private static final int AUTHOR_LINES = 15;

    private final List<Line> lines;
    private final int titleEnd;
    private final String title;

    FrontMatter(List<Line> frontLines, TextJoiner joiner) {
        this.lines = frontLines.stream().filter(line -> line.page() == 1).toList();
        int start = titleStart();
        int end = start + 1;
        while (start >= 0 && end < lines.size() && sameTitle(lines.get(end - 1), lines.get(end))) {
            end++;
        }
        this.titleEnd = Math.max(end, 0);
        this.title = start < 0 ? "" : joiner.oneParagraph(lines.subList(start, end));
    }

    String title() {
        return title;
    }

    List<String> authors() {
        Set<String> authors = new LinkedHashSet<>();
        int from = Math.min(titleEnd, lines.size());
        for (Line line : lines.subList(from, Math.min(from + AUTHOR_LINES, lines.size()))) {
            if (!AFFILIATION.matcher(line.plain()).matches()) {
                authors.addAll(names(line.text()));
            }
        }
        return List.copyOf(authors);
    }

    static List<String> names(String line) {
        List<String> names = new ArrayList<>();
        for (String part : SEPARATORS.split(line.replaceAll("(?<=\\p{L})\\d+", ","))) {
            String name = part.replaceAll("\\s+", " ").strip();
            if (NAME.matcher(name).matches() && name.length() <= 60) {
                names.add(name);
            }
        }
        return names;
    }

    private int titleStart() {
        float largest = 0;
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.letters() >= 4 && line.size() > largest + 0.3f) {
                largest = line.size();
                start = i;
            }
        }
        return start;
    }

    private static boolean sameTitle(Line previous, Line next) {
        float dy = next.y() - previous.y();
        return Math.abs(next.size() - previous.size()) < 0.3f && dy > 0 && dy < 2 * previous.size();
    }
}
