package org.mlrcopilot.papers.arxiv;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns free text into an arXiv search_query: its significant words, each in all fields, any of them. */
final class SearchQuery {

    private static final Pattern FIELDED = Pattern.compile("\\b(ti|au|abs|co|jr|cat|rn|id|all|submittedDate):");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_TERMS = 12;
    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "with", "from", "into", "onto", "that", "this", "these", "those", "via", "using",
            "based", "towards", "toward", "are", "its", "their", "our", "can", "not", "but", "how", "what", "when",
            "which", "who", "why", "all", "any", "new", "use");

    private SearchQuery() {}

    static String of(String text) {
        String stripped = text.strip();
        if (FIELDED.matcher(stripped).find()) {
            return stripped;
        }
        Set<String> terms = new LinkedHashSet<>();
        Matcher words = WORD.matcher(stripped.toLowerCase(Locale.ROOT));
        while (words.find() && terms.size() < MAX_TERMS) {
            String word = words.group();
            if (word.length() > 2 && !STOP_WORDS.contains(word)) {
                terms.add(word);
            }
        }
        return terms.stream().map(t -> "all:" + t).collect(Collectors.joining(" OR "));
    }
}
