package org.mlrcopilot.papers.reader;

import java.net.URI;
import java.util.Objects;

/** Where papers are fetched from; configurable so on-premise mirrors and test servers can stand in. */
public record PaperSources(URI arxiv, URI openReview, URI aclAnthology, URI doiResolver) {

    public PaperSources {
        arxiv = trim(arxiv);
        openReview = trim(openReview);
        aclAnthology = trim(aclAnthology);
        doiResolver = trim(doiResolver);
    }

    private static URI trim(URI uri) {
        String s = Objects.requireNonNull(uri, "source URL").toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    public static PaperSources defaults() {
        return new PaperSources(
                URI.create("https://arxiv.org"),
                URI.create("https://openreview.net"),
                URI.create("https://aclanthology.org"),
                URI.create("https://doi.org"));
    }

    URI at(URI base, String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }
}
