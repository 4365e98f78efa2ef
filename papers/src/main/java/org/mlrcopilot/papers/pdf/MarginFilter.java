package org.mlrcopilot.papers.pdf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes running headers and footers: lines in the top or bottom margin band that are page
 * numbers, that repeat on many pages, or that are set smaller than the body text.
 */
final class MarginFilter {

    private static final float BAND = 0.075f;
    private static final Pattern PAGE_NUMBER =
            Pattern.compile("(?i)(page\\s*)?[-–—]?\\s*(\\d{1,4}|[ivxlc]{1,6})\\s*[-–—]?(\\s*(of|/)\\s*\\d{1,4})?");

    private MarginFilter() {}

    static List<Line> apply(List<Line> lines, float bodySize) {
        Set<String> repeated = repeatedMarginLines(lines);
        return lines.stream()
                .filter(line -> !inBand(line) || !isFurniture(line, bodySize, repeated))
                .toList();
    }

    static boolean isPageNumber(String text) {
        return PAGE_NUMBER.matcher(text.strip()).matches();
    }

    private static boolean isFurniture(Line line, float bodySize, Set<String> repeated) {
        return isPageNumber(line.plain())
                || repeated.contains(key(line))
                || line.size() < bodySize - 0.5f && !HeadingDetector.numberedCapitals(line.plain());
    }

    private static Set<String> repeatedMarginLines(List<Line> lines) {
        Map<String, Set<Integer>> pagesByText = new HashMap<>();
        Set<Integer> pages = new HashSet<>();
        for (Line line : lines) {
            pages.add(line.page());
            if (inBand(line)) {
                pagesByText.computeIfAbsent(key(line), k -> new HashSet<>()).add(line.page());
            }
        }
        int threshold = Math.max(2, (int) Math.ceil(pages.size() * 0.3));
        Set<String> repeated = new HashSet<>();
        pagesByText.forEach((text, on) -> {
            if (on.size() >= threshold && !text.isEmpty()) {
                repeated.add(text);
            }
        });
        return repeated;
    }

    private static boolean inBand(Line line) {
        float band = line.pageHeight() * BAND;
        return line.y() < band || line.y() > line.pageHeight() - band;
    }

    private static String key(Line line) {
        return line.plain().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").strip();
    }
}
