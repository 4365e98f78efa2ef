package org.mlrcopilot.agents.literature;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A paper found as related work.
 *
 * @param year   publication year, or null when the source did not say
 * @param url    a page for the paper (source page, else arXiv abstract page, else DOI link)
 * @param arxivId arXiv id without version, or ""
 * @param doi    DOI in lower case, or ""
 * @param source "semantic-scholar", "openalex" or "arxiv"
 * @param score  relevance to the query paper in [0, 1]
 */
public record RelatedPaper(
        String title,
        Integer year,
        String abstractText,
        List<String> authors,
        String url,
        String arxivId,
        String doi,
        String source,
        double score) {

    static final Set<String> SOURCES = Set.of("semantic-scholar", "openalex", "arxiv");

    public RelatedPaper {
        title = Ids.clean(title);
        if (title.isEmpty()) {
            throw new IllegalArgumentException("a related paper needs a title");
        }
        if (year != null && (year < 1500 || year > 3000)) {
            throw new IllegalArgumentException("implausible year: " + year);
        }
        abstractText = Ids.clean(abstractText);
        authors = Objects.requireNonNullElse(authors, List.<String>of()).stream()
                .map(Ids::clean)
                .filter(a -> !a.isEmpty())
                .toList();
        doi = Ids.doi(doi);
        arxivId = Ids.arxiv(arxivId).isEmpty() ? Ids.arxivFromDoi(doi) : Ids.arxiv(arxivId);
        url = Ids.clean(url).isEmpty() ? defaultUrl(arxivId, doi) : Ids.clean(url);
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("unknown source: " + source);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score outside [0, 1]: " + score);
        }
    }

    public RelatedPaper withScore(double value) {
        return new RelatedPaper(title, year, abstractText, authors, url, arxivId, doi, source, value);
    }

    /** This paper with its blank fields filled from another record of the same paper. */
    public RelatedPaper mergedWith(RelatedPaper other) {
        return new RelatedPaper(
                title,
                year != null ? year : other.year,
                abstractText.isEmpty() ? other.abstractText : abstractText,
                authors.isEmpty() ? other.authors : authors,
                url,
                arxivId.isEmpty() ? other.arxivId : arxivId,
                doi.isEmpty() ? other.doi : doi,
                source,
                score);
    }

    private static String defaultUrl(String arxivId, String doi) {
        if (!arxivId.isEmpty()) {
            return "https://arxiv.org/abs/" + arxivId;
        }
        return doi.isEmpty() ? "" : "https://doi.org/" + doi;
    }
}
