package org.mlrcopilot.papers.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds section headings by style (larger or bold) and wording: numbered ("2.1 Setup",
 * "IV. Results", and, once numbered sections have started, "A Appendix") or well known. Templates that set headings
 * in the body's size and weight are covered too: a numbered or well-known heading in capitals or small capitals
 * ("1 INTRODUCTION", "I. INTRODUCTION", "REFERENCES"), an unnumbered bold one in capitals ("INTRODUCTION"), and a
 * short numbered line centred in the text block and set apart by extra space ("1. Introduction"); these only after
 * the first line of prose, so the title is never taken for a heading.
 */
final class HeadingDetector {

    static final String ABSTRACT = "abstract";
    static final String REFERENCES = "references|bibliography|literature cited";

    private static final String TITLE = "\\.?\\s*[-–—:]?\\s+\\p{Lu}.*";
    private static final Pattern DIGITS = Pattern.compile("(\\d{1,2}(?:\\.\\d{1,2}){0,3})" + TITLE);
    private static final Pattern ROMAN = Pattern.compile("([IVX]{1,4})\\.\\s+\\p{Lu}.*");
    private static final Pattern LETTER = Pattern.compile("([A-Z](?:\\.\\d{1,2}){0,3})" + TITLE);
    private static final Pattern KNOWN = Pattern.compile("(?i)(" + ABSTRACT + "|" + REFERENCES
            + "|introduction|related work|background|conclusions?( and future work)?|discussion"
            + "|acknowledge?ments?|limitations|ethics statement|ethical considerations"
            + "|broader impacts?|appendix|appendices|supplementary material)");
    private static final int MAX_WORDS = 12;

    private final List<Line> lines;
    private final float bodySize;
    private final Map<Integer, float[]> textBlocks;
    private boolean numbered;
    private boolean roman;

    HeadingDetector(List<Line> lines, float bodySize) {
        this.lines = List.copyOf(lines);
        this.bodySize = bodySize;
        this.textBlocks = textBlocks(this.lines);
    }

    /** Per page, the left and right edges of its lines of running text (eight words or more). */
    private static Map<Integer, float[]> textBlocks(List<Line> lines) {
        Map<Integer, float[]> blocks = new HashMap<>();
        for (Line l : lines) {
            if (l.words() >= 8) {
                float[] b = blocks.computeIfAbsent(l.page(), p -> new float[] {Float.MAX_VALUE, 0});
                b[0] = Math.min(b[0], l.x());
                b[1] = Math.max(b[1], l.endX());
            }
        }
        return blocks;
    }

    static float bodySize(List<Line> lines) {
        Map<Integer, Integer> charsBySize = new HashMap<>();
        for (Line line : lines) {
            charsBySize.merge(Math.round(line.size() * 10), line.text().length(), Integer::sum);
        }
        return charsBySize.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(entry -> entry.getKey() / 10f)
                .orElse(10f);
    }

    List<Heading> find() {
        List<Heading> headings = new ArrayList<>();
        int prose = firstProse();
        for (int i = 0; i < lines.size(); i++) {
            int level = level(lines.get(i), i > prose, spacedBefore(i) && centered(lines.get(i)));
            if (level > 0) {
                Heading heading = extend(i, level);
                headings.add(heading);
                i = heading.end() - 1;
            }
        }
        return headings;
    }

    /** The heading level of the line, or 0 when it is not a heading. */
    private int level(Line line, boolean afterProse, boolean spaced) {
        String text = line.plain();
        if (line.words() > MAX_WORDS
                || line.letters() < 2
                || ".,;".indexOf(line.last()) >= 0
                || line.size() < bodySize - 2.5f) {
            return 0;
        }
        boolean styled = styled(line);
        boolean caps = capitals(text);
        if (KNOWN.matcher(text).matches()) {
            return styled || afterProse && (caps || spaced) ? 1 : 0;
        }
        boolean plainHeading = afterProse && line.words() <= 8 && (caps || spaced);
        Matcher matcher;
        if ((matcher = DIGITS.matcher(text)).matches() || (matcher = ROMAN.matcher(text)).matches()) {
            if (!styled && !plainHeading) {
                return 0;
            }
            roman |= matcher.pattern() == ROMAN;
            numbered = true;
            return depth(matcher.group(1));
        }
        if (numbered && (matcher = LETTER.matcher(text)).matches()) {
            return styled || plainHeading ? roman ? 2 : depth(matcher.group(1)) : 0;
        }
        return afterProse && caps && line.bold() && line.words() <= 8 ? 1 : 0;
    }

    /** A numbered heading in capitals, e.g. "VI. CONCLUSION", which a margin filter must not take for a header. */
    static boolean numberedCapitals(String text) {
        return capitals(text)
                && (DIGITS.matcher(text).matches() || ROMAN.matcher(text).matches());
    }

    /** Letters all capitals (as capitals and small capitals come out), at least four of them. */
    static boolean capitals(String text) {
        String letters = text.replaceAll("[^\\p{L}]", "");
        return letters.length() >= 4 && letters.equals(letters.toUpperCase(java.util.Locale.ROOT));
    }

    /** The first line of running prose (eight words or more): the title and authors come before it. */
    private int firstProse() {
        for (int i = 0; i < lines.size(); i++) {
            if (prose(lines.get(i), bodySize)) {
                return i;
            }
        }
        return lines.size();
    }

    /** A line of running text on the first page: eight words or more, not in capitals, not set as a title. */
    static boolean prose(Line line, float bodySize) {
        return line.page() == 1 && line.words() >= 8 && !capitals(line.plain()) && line.size() <= bodySize + 0.5f;
    }

    /** Centred in its page's block of running text (not a left-aligned list item or reference). */
    private boolean centered(Line line) {
        float[] block = textBlocks.get(line.page());
        if (block == null) {
            return false;
        }
        float left = block[0];
        float right = block[1];
        float width = right - left;
        return width > 0
                && line.x() > left + 0.1f * width
                && Math.abs((line.x() + line.endX()) / 2 - (left + right) / 2) < 0.05f * width;
    }

    /** More space above the line than between the lines of a paragraph, or the top of a column or page. */
    private boolean spacedBefore(int index) {
        if (index == 0) {
            return true;
        }
        Line previous = lines.get(index - 1);
        Line line = lines.get(index);
        float dy = line.y() - previous.y();
        return previous.page() != line.page() || dy < 0 || dy > 1.55f * Math.max(line.size(), previous.size());
    }

    private static int depth(String number) {
        return number.split("\\.").length;
    }

    private boolean styled(Line line) {
        return line.size() >= bodySize + 0.8f || (line.bold() && line.size() >= bodySize - 0.3f);
    }

    private Heading extend(int start, int level) {
        StringBuilder text = new StringBuilder(lines.get(start).plain());
        int end = start + 1;
        while (end < lines.size() && continuesHeading(lines.get(end - 1), lines.get(end), text)) {
            text.append(' ').append(lines.get(end).plain());
            end++;
        }
        return new Heading(text.toString(), level, start, end);
    }

    private boolean continuesHeading(Line previous, Line next, CharSequence sofar) {
        float dy = next.y() - previous.y();
        boolean sameStyle =
                capitals(previous.plain()) == capitals(next.plain()) && (styled(previous) || next.words() < 8);
        return sameStyle
                && next.page() == previous.page()
                && dy > 0
                && dy < 1.6f * previous.size()
                && Math.abs(next.size() - previous.size()) < 0.3f
                && next.bold() == previous.bold()
                && ".,;".indexOf(next.last()) < 0
                && !startsHeading(next)
                && sofar.toString().split(" ").length + next.words() <= MAX_WORDS + 4;
    }

    private boolean startsHeading(Line line) {
        String text = line.plain();
        return KNOWN.matcher(text).matches()
                || DIGITS.matcher(text).matches()
                || ROMAN.matcher(text).matches()
                || LETTER.matcher(text).matches();
    }
}
