package org.mlrcopilot.agents.paper;

import java.util.List;
import java.util.Objects;

/**
 * A paper as the agents use it.
 *
 * @param source      where the text came from: "arxiv-html", "pdf" or "landing-page" (metadata only)
 * @param url         the link the paper was read from
 * @param contentHash SHA-256 of the document the text was extracted from
 */
public record Paper(
        PaperIds ids,
        String title,
        List<String> authors,
        String abstractText,
        List<Section> sections,
        List<String> references,
        List<String> links,
        String source,
        String url,
        String contentHash) {

    public Paper {
        ids = Objects.requireNonNullElse(ids, PaperIds.none());
        title = Objects.requireNonNullElse(title, "").strip();
        authors = List.copyOf(authors);
        abstractText = Objects.requireNonNullElse(abstractText, "").strip();
        sections = List.copyOf(sections);
        references = List.copyOf(references);
        links = List.copyOf(links);
        source = Objects.requireNonNull(source, "source");
        url = Objects.requireNonNullElse(url, "");
        contentHash = Objects.requireNonNullElse(contentHash, "");
        if (title.isEmpty()) {
            throw new IllegalArgumentException("a paper needs a title");
        }
    }

    /** Links to code repositories (GitHub, GitLab, Hugging Face) found in the paper. */
    public List<String> codeLinks() {
        return links.stream()
                .filter(l -> l.matches("(?i)https?://(www\\.)?(github\\.com|gitlab\\.com|huggingface\\.co)/.+"))
                .toList();
    }
}
