package org.mlrcopilot.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.paper.link.PaperLinks;
import org.mlrcopilot.agents.paper.link.UnsupportedLinkException;

/** Finds what looks like a paper link in a chat message, and whether it is one the bot can read. */
final class LinkFinder {

    private static final Pattern CANDIDATE = Pattern.compile(
            "<?([a-z][a-z0-9+.-]*://[^\\s<>|]+)(?:\\|[^>]*)?>?"  // URLs, also Slack's <url|label>
            + "|\\b(arXiv:\\s*\\S+)"                             // arXiv:2408.14033
            + "|\\b(\\d{4}\\.\\d{4,5}(?:v\\d+)?)\\b"            // bare new-style arXiv ids
            + "|\\b(doi:\\s*\\S+|10\\.\\d{4,9}/\\S+)",            // DOIs
            Pattern.CASE_INSENSITIVE);

    /** What was found: the first readable link, or the candidates none of which could be read. */
    record Found(String link, List<String> unreadable) {
        boolean any() {
            return link != null || !unreadable.isEmpty();
        }
    }

    private LinkFinder() {
    }

    static Found in(String text) {
        List<String> unreadable = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text == null ? "" : text);
        while (m.find()) {
            String candidate = first(m).replaceAll("[.,;:)>]+$", "");
            try {
                PaperLinks.parse(candidate);
                return new Found(candidate, List.of());
            } catch (UnsupportedLinkException | IllegalArgumentException e) {
                unreadable.add(candidate);
            }
        }
        return new Found(null, unreadable);
    }

    private static String first(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g).strip();
            }
        }
        return m.group();
    }
}
