package org.mlrcopilot.agents.paper.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds section headings by style (larger or bold) and wording: numbered ("2.1 Setup",
 * "IV. Results", and, once numbered sections have started, "A Appendix") or well known.
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
    private boolean numbered;
    private boolean roman;

    HeadingDetector(List<Line> lines, float bodySize) {
        this.lines = List.copyOf(lines);
        this.bodySize = bodySize;
    }

    static float bodySize(List<Line> lines) {
        Map<Integer, Integer> charsBySize = new HashMap<>();
        for (Line line : lines) {
            charsBySize.merge(Math.round(line.size() * 10), line.text().length(), Integer::sum);
        }
        return charsBySize.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(entry -> entry.getKey() / 10f).orElse(10f);
    }

    List<Heading> find() {
        List<Heading> headings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int level = level(lines.get(i));
            if (level > 0) {
                Heading heading = extend(i, level);
                headings.add(heading);
                i = heading.end() - 1;
            }
        }
        return headings;
    }

    /** The heading level of the line, or 0 when it is not a heading. */
    private int level(Line line) {
        String text = line.plain();
        if (!styled(line) || line.words() > MAX_WORDS || line.letters() < 2 || ".,;".indexOf(line.last()) >= 0) {
            return 0;
        }
        if (KNOWN.matcher(text).matches()) {
            return 1;
        }
        Matcher matcher;
        if ((matcher = DIGITS.matcher(text)).matches() || (matcher = ROMAN.matcher(text)).matches()) {
            roman |= matcher.pattern() == ROMAN;
            numbered = true;
            return depth(matcher.group(1));
        }
        if (numbered && (matcher = LETTER.matcher(text)).matches()) {
            return roman ? 2 : depth(matcher.group(1));
        }
        return 0;
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
        return next.page() == previous.page() && dy > 0 && dy < 1.6f * previous.size()
                && Math.abs(next.size() - previous.size()) < 0.3f && next.bold() == previous.bold()
                && ".,;".indexOf(next.last()) < 0 && !startsHeading(next)
                && sofar.toString().split(" ").length + next.words() <= MAX_WORDS + 4;
    }

    private boolean startsHeading(Line line) {
        String text = line.plain();
        return KNOWN.matcher(text).matches() || DIGITS.matcher(text).matches()
                || ROMAN.matcher(text).matches() || LETTER.matcher(text).matches();
    }
}
