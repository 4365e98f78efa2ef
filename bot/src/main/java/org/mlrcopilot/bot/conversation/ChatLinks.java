package org.mlrcopilot.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.paper.link.PaperLink;
import org.mlrcopilot.agents.paper.link.PaperLinks;
import org.mlrcopilot.agents.paper.link.UnsupportedLinkException;

/** Finds what looks like a paper link in a chat message, and whether it is one the bot can read. */
final class ChatLinks {

    private static final Pattern CANDIDATE = Pattern.compile(
            "<?([a-z][a-z0-9+.-]*://[^\\s<>|]+)(?:\\|[^>]*)?>?"  // URLs, also Slack's <url|label>
            + "|\\b(arXiv:\\s*\\S+)"                             // arXiv:2408.14033
            + "|\\b(\\d{4}\\.\\d{4,5}(?:v\\d+)?)\\b"            // bare new-style arXiv ids
            + "|\\b(doi:\\s*\\S+|10\\.\\d{4,9}/\\S+)",            // DOIs
            Pattern.CASE_INSENSITIVE);

    /**
     * What was found: the first readable link (and all of them, in order, without repeats), or the candidates
     * none of which could be read.
     */
    record Found(String link, List<String> links, List<String> unreadable) {
        boolean any() {
            return link != null || !unreadable.isEmpty();
        }
    }

    private ChatLinks() {
    }

    static Found in(String text) {
        List<String> unreadable = new ArrayList<>();
        List<String> links = new ArrayList<>();
        // invisible format characters (U+200B, U+202C, a BOM...) that copying from a page leaves in a link
        Matcher m = CANDIDATE.matcher(text == null ? "" : text.replaceAll("\\p{Cf}", ""));
        while (m.find()) {
            String candidate = first(m).replaceAll("[.,;:)>]+$", "");
            try {
                PaperLinks.parse(candidate);
                if (!links.contains(candidate)) {
                    links.add(candidate);
                }
            } catch (UnsupportedLinkException | IllegalArgumentException e) {
                unreadable.add(candidate);
            }
        }
        return links.isEmpty() ? new Found(null, List.of(), unreadable)
                : new Found(links.get(0), List.copyOf(links), List.of());
    }

    /** Hosts whose pages are papers (a landing page elsewhere may be anything: a repository, a video). */
    private static final Pattern PAPER_HOSTS = Pattern.compile("(?i)(^|\\.)(semanticscholar\\.org|openalex\\.org|"
            + "proceedings\\.neurips\\.cc|papers\\.nips\\.cc|proceedings\\.mlr\\.press|jmlr\\.org|"
            + "openaccess\\.thecvf\\.com|dl\\.acm\\.org|ieeexplore\\.ieee\\.org|biorxiv\\.org|medrxiv\\.org|"
            + "nature\\.com|science\\.org|springer\\.com|sciencedirect\\.com|aaai\\.org|ijcai\\.org|"
            + "huggingface\\.co|paperswithcode\\.com|researchgate\\.net|ssrn\\.com)$");

    /**
     * Whether a readable link is plainly a paper (arXiv, OpenReview, ACL Anthology, a DOI, a PDF, a known paper
     * site), so that posting it in a watched channel starts a research without mentioning the bot.
     */
    static boolean plainlyPaper(String link) {
        try {
            PaperLink parsed = PaperLinks.parse(link);
            if (!(parsed instanceof PaperLink.Web web)) {
                return true;
            }
            String path = web.uri().getPath() == null ? "" : web.uri().getPath().toLowerCase(java.util.Locale.ROOT);
            String host = web.uri().getHost() == null ? "" : web.uri().getHost();
            return path.endsWith(".pdf") || PAPER_HOSTS.matcher(host).find()
                    && !(host.endsWith("huggingface.co") && !path.startsWith("/papers/"));
        } catch (UnsupportedLinkException | IllegalArgumentException e) {
            return false;
        }
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
