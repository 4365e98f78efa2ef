package org.mlrcopilot.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.paper.link.PaperLink;
import org.mlrcopilot.agents.paper.link.PaperLinks;
import org.mlrcopilot.agents.paper.link.UnsupportedLinkException;

/** Finds what looks like a paper link in a chat message and parses it, once: the research starts from it. */
final class ChatLinks {

    private static final Pattern CANDIDATE = Pattern.compile(
            "<?([a-z][a-z0-9+.-]*://[^\\s<>|]+)(?:\\|[^>]*)?>?" // URLs, also Slack's <url|label>
                    + "|\\b(arXiv:\\s*\\S+)" // arXiv:2408.14033
                    + "|\\b(\\d{4}\\.\\d{4,5}(?:v\\d+)?)\\b" // bare new-style arXiv ids
                    + "|\\b(doi:\\s*\\S+|10\\.\\d{4,9}/\\S+)", // DOIs
            Pattern.CASE_INSENSITIVE);

    /**
     * What was found: the first readable link (and all of them, in order, without repeats), parsed, or the
     * candidates none of which could be read.
     */
    record Found(PaperLink link, List<PaperLink> links, List<String> unreadable) {
        boolean any() {
            return link != null || !unreadable.isEmpty();
        }
    }

    private ChatLinks() {}

    static Found in(String text) {
        List<String> unreadable = new ArrayList<>();
        List<PaperLink> links = new ArrayList<>();
        // invisible format characters (U+200B, U+202C, a BOM...) that copying from a page leaves in a link
        Matcher m = CANDIDATE.matcher(text == null ? "" : text.replaceAll("\\p{Cf}", ""));
        while (m.find()) {
            String candidate = first(m).replaceAll("[.,;:)>]+$", "");
            try {
                PaperLink link = PaperLinks.parse(candidate);
                if (links.stream().noneMatch(l -> l.original().equals(link.original()))) {
                    links.add(link);
                }
            } catch (UnsupportedLinkException | IllegalArgumentException e) {
                unreadable.add(candidate);
            }
        }
        return links.isEmpty()
                ? new Found(null, List.of(), unreadable)
                : new Found(links.get(0), List.copyOf(links), List.of());
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
