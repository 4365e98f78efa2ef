package org.mlrcopilot.agents.paper;

import java.util.Objects;

/** The identifiers a paper is known by; empty strings where unknown. */
public record PaperIds(String arxivId, String arxivVersion, String doi, String openReviewId, String aclId) {

    public PaperIds {
        arxivId = Objects.requireNonNullElse(arxivId, "");
        arxivVersion = Objects.requireNonNullElse(arxivVersion, "");
        doi = Objects.requireNonNullElse(doi, "").toLowerCase(java.util.Locale.ROOT);
        openReviewId = Objects.requireNonNullElse(openReviewId, "");
        aclId = Objects.requireNonNullElse(aclId, "");
    }

    public static PaperIds none() {
        return new PaperIds("", "", "", "", "");
    }

    public PaperIds withDoi(String value) {
        return new PaperIds(arxivId, arxivVersion, value, openReviewId, aclId);
    }

    public PaperIds withArxiv(String id, String version) {
        return new PaperIds(id, version, doi, openReviewId, aclId);
    }

    /** Fills identifiers this one lacks from {@code other}. */
    public PaperIds merge(PaperIds other) {
        return new PaperIds(
                first(arxivId, other.arxivId),
                arxivId.isEmpty() ? other.arxivVersion : arxivVersion,
                first(doi, other.doi),
                first(openReviewId, other.openReviewId),
                first(aclId, other.aclId));
    }

    private static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
