package org.mlrcopilot.agents.literature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The paper whose related work is wanted. At least one field must be given.
 *
 * @param arxivId arXiv id (any version, "arXiv:" prefix or abs URL accepted; kept without version), or ""
 * @param doi     DOI (resolver prefix accepted; kept in lower case), or ""
 */
public record LiteratureQuery(String title, String abstractText, List<String> keywords, String arxivId, String doi) {

    private static final int MAX_SEARCH_WORDS = 32;
    private static final int MAX_ABSTRACT_WORDS = 24;

    public LiteratureQuery {
        title = Ids.clean(title);
        abstractText = Ids.clean(abstractText);
        keywords = Objects.requireNonNullElse(keywords, List.<String>of()).stream()
                .map(Ids::clean)
                .filter(k -> !k.isEmpty())
                .distinct()
                .toList();
        String givenArxiv = Ids.clean(arxivId);
        arxivId = Ids.arxiv(givenArxiv);
        if (arxivId.isEmpty() && !givenArxiv.isEmpty()) {
            throw new IllegalArgumentException("not an arXiv identifier: " + givenArxiv);
        }
        doi = Ids.doi(doi);
        if (arxivId.isEmpty()) {
            arxivId = Ids.arxivFromDoi(doi);
        }
        if (title.isEmpty() && abstractText.isEmpty() && keywords.isEmpty() && arxivId.isEmpty() && doi.isEmpty()) {
            throw new IllegalArgumentException("a literature query needs a title, abstract, keywords, arXiv id or DOI");
        }
    }

    /** Words for a keyword search: the title and keywords, else the start of the abstract; "" if none. */
    public String searchText() {
        List<String> parts = new ArrayList<>();
        parts.add(title.isEmpty() && keywords.isEmpty() ? firstWords(abstractText, MAX_ABSTRACT_WORDS) : title);
        parts.addAll(keywords);
        return firstWords(String.join(" ", parts), MAX_SEARCH_WORDS);
    }

    /** The text compared with each candidate: title and abstract. */
    public String embeddingText() {
        return title.isEmpty() || abstractText.isEmpty() ? (title + abstractText).strip() : title + ". " + abstractText;
    }

    /** This query with blank fields filled from the paper a source identified it as. */
    public LiteratureQuery withResolved(RelatedPaper paper) {
        return new LiteratureQuery(
                title.isEmpty() ? paper.title() : title,
                abstractText.isEmpty() ? paper.abstractText() : abstractText,
                keywords,
                arxivId.isEmpty() ? paper.arxivId() : arxivId,
                doi.isEmpty() ? paper.doi() : doi);
    }

    private static String firstWords(String text, int max) {
        return Arrays.stream(text.strip().split("\\s+"))
                .limit(max)
                .collect(Collectors.joining(" "))
                .strip();
    }
}
