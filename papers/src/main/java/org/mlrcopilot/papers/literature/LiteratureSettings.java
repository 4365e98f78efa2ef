package org.mlrcopilot.papers.literature;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.mlrcopilot.papers.arxiv.ArxivApi;

/**
 * Where and how related work is searched.
 *
 * @param semanticScholarApiKey sent as x-api-key when not ""
 * @param recentYears           papers older than this many years are used only when too few recent ones are found
 * @param maxResults            papers returned at most
 * @param deadline              time for a whole search, all sources and ranking included
 * @param mailto                contact address for the OpenAlex polite pool, or ""
 */
public record LiteratureSettings(
        URI semanticScholarUrl,
        URI openAlexUrl,
        URI arxivApiUrl,
        String semanticScholarApiKey,
        int recentYears,
        int maxResults,
        Duration deadline,
        String mailto) {

    public LiteratureSettings {
        Objects.requireNonNull(semanticScholarUrl, "semanticScholarUrl");
        Objects.requireNonNull(openAlexUrl, "openAlexUrl");
        Objects.requireNonNull(arxivApiUrl, "arxivApiUrl");
        semanticScholarApiKey =
                Objects.requireNonNullElse(semanticScholarApiKey, "").strip();
        mailto = Objects.requireNonNullElse(mailto, "").strip();
        Objects.requireNonNull(deadline, "deadline");
        if (recentYears < 0 || maxResults < 1 || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("recentYears >= 0, maxResults >= 1 and a positive deadline needed");
        }
    }

    public static LiteratureSettings defaults() {
        return new LiteratureSettings(
                URI.create("https://api.semanticscholar.org"),
                URI.create("https://api.openalex.org"),
                ArxivApi.DEFAULT_URL,
                "",
                3,
                10,
                Duration.ofSeconds(30),
                "");
    }

    /** A base URL without trailing slash, ready for a path to be appended. */
    static String base(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
