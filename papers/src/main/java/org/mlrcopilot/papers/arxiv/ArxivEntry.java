package org.mlrcopilot.papers.arxiv;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One paper as the arXiv API describes it.
 *
 * @param id         the identifier without version: new style (2408.14033) or old style (hep-th/9901001)
 * @param version    the version the feed described, e.g. "v2", or "" when it did not say
 * @param published  the date of the first version, or null when the feed did not say
 * @param updated    the date of this version, or null when the feed did not say
 * @param doi        the DOI the authors gave, or ""
 * @param absUrl     the abstract page
 * @param pdfUrl     the PDF, or ""
 */
public record ArxivEntry(
        String id,
        String version,
        String title,
        List<String> authors,
        String summary,
        LocalDate published,
        LocalDate updated,
        String doi,
        List<String> categories,
        String absUrl,
        String pdfUrl) {

    /** An arXiv identifier without version. */
    static final Pattern ID = Pattern.compile("\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(\\.[A-Z]{2})?/\\d{7}");

    private static final Pattern VERSION = Pattern.compile("(v\\d+)?");

    public ArxivEntry {
        id = Objects.requireNonNull(id, "id").strip();
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an arXiv identifier: " + id);
        }
        version = Objects.requireNonNullElse(version, "").strip();
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not an arXiv version: " + version);
        }
        title = Objects.requireNonNull(title, "title").strip();
        if (title.isEmpty()) {
            throw new IllegalArgumentException("an arXiv entry needs a title");
        }
        authors = List.copyOf(authors);
        summary = Objects.requireNonNullElse(summary, "").strip();
        doi = Objects.requireNonNullElse(doi, "").strip();
        categories = List.copyOf(categories);
        absUrl = Objects.requireNonNullElse(absUrl, "").strip();
        pdfUrl = Objects.requireNonNullElse(pdfUrl, "").strip();
    }
}
