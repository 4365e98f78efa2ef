package org.mlrcopilot.papers.pdf;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns printed lines into running text: paragraphs separated by blank lines, footnotes and
 * captions (smaller type) after the body text, end-of-line hyphens rejoined, and URLs broken
 * across lines put back together.
 */
final class TextJoiner {

    private static final Pattern URL_START = Pattern.compile("(?i).*(https?:|www\\.|github\\.com/).*");
    private static final Pattern WORD = Pattern.compile("\\p{L}+(-\\p{L}+)*");
    private static final Pattern LINE_END_HYPHEN = Pattern.compile(".*\\p{L}[-\u00AD\u2010]");

    private final Set<String> vocabulary = new HashSet<>();
    private final float smallType;

    TextJoiner(List<Line> document, float bodySize) {
        this.smallType = bodySize - 0.8f;
        for (Line line : document) {
            Matcher matcher = WORD.matcher(line.text());
            while (matcher.find()) {
                vocabulary.add(matcher.group().toLowerCase(Locale.ROOT));
            }
        }
    }

    String paragraphs(List<Line> lines) {
        String body =
                flow(lines.stream().filter(line -> line.size() >= smallType).toList());
        String notes =
                flow(lines.stream().filter(line -> line.size() < smallType).toList());
        return (body + "\n\n" + notes).strip();
    }

    String oneParagraph(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                text.append(joint(text, lines.get(i - 1), lines.get(i)));
            }
            text.append(lines.get(i).plain());
        }
        return text.toString().strip();
    }

    private String flow(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                Line previous = lines.get(i - 1);
                text.append(newParagraph(previous, lines.get(i)) ? "\n\n" : joint(text, previous, lines.get(i)));
            }
            text.append(lines.get(i).plain());
        }
        return text.toString().replaceAll("(?m)[ \\t]+$", "").strip();
    }

    private static boolean newParagraph(Line previous, Line line) {
        boolean sentenceEnd = endsSentence(previous.text());
        if (!adjacent(previous, line)) {
            return sentenceEnd;
        }
        float spacing = Math.max(line.size(), previous.size());
        boolean indented = line.x() - previous.x() > 0.6f * spacing;
        return line.y() - previous.y() > 1.9f * spacing || (sentenceEnd && indented);
    }

    private static boolean endsSentence(String text) {
        int end = text.length() - 1;
        if (end > 0 && "'\"”’)".indexOf(text.charAt(end)) >= 0) {
            end--;
        }
        return ".!?:".indexOf(text.charAt(end)) >= 0;
    }

    private static boolean adjacent(Line previous, Line line) {
        float dy = line.y() - previous.y();
        return line.page() == previous.page()
                && dy > 0
                && dy < 3 * line.size()
                && Math.abs(line.x() - previous.x()) < 4 * line.size();
    }

    /** Removes a trailing end-of-line hyphen from {@code text} if needed and returns the glue. */
    private String joint(StringBuilder text, Line previous, Line line) {
        String lastWord = lastWord(text);
        String next = line.plain();
        if (URL_START.matcher(lastWord).matches() && adjacent(previous, line) && continuesUrl(lastWord, next)) {
            return "";
        }
        if (!LINE_END_HYPHEN.matcher(lastWord).matches() || next.isEmpty()) {
            return " ";
        }
        if (!keepsHyphen(lastWord, firstWord(next))) {
            text.setLength(text.length() - 1);
        }
        return "";
    }

    private boolean keepsHyphen(String lastWord, String nextWord) {
        String head = lastWord.substring(0, lastWord.length() - 1).replaceAll("^[^\\p{L}]+", "");
        String tail = nextWord.replaceAll("[^\\p{L}-]+$", "");
        String hyphenated = (head + "-" + tail).toLowerCase(Locale.ROOT);
        if (vocabulary.contains(hyphenated) || head.contains("-") || tail.contains("-")) {
            return true;
        }
        if (vocabulary.contains(hyphenated.replace("-", ""))) {
            return false;
        }
        return tail.isEmpty() || !Character.isLowerCase(tail.codePointAt(0));
    }

    private static boolean continuesUrl(String url, String next) {
        if (URL_START.matcher(firstWord(next)).matches()) {
            return false;
        }
        char end = url.charAt(url.length() - 1);
        return "/:-_#?=&~".indexOf(end) >= 0
                || next.startsWith("/")
                || (end == '.' && Character.isLowerCase(next.codePointAt(0)));
    }

    private static String lastWord(CharSequence text) {
        int start = text.length();
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return text.subSequence(start, text.length()).toString();
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
