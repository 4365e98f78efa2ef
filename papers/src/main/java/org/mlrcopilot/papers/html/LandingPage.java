package org.mlrcopilot.papers.html;

import java.util.List;
import java.util.Optional;

/**
 * What a paper's landing page says about it, from its {@code citation_*} meta tags (Google
 * Scholar's convention, used by ACL Anthology, OpenReview, publishers and arXiv), with
 * Dublin Core / Open Graph as fallbacks.
 */
public record LandingPage(
        String title,
        List<String> authors,
        String abstractText,
        Optional<String> pdfUrl,
        String doi,
        String arxivId,
        String date) {

    public LandingPage {
        authors = List.copyOf(authors);
    }

    public boolean hasMetadata() {
        return !title.isBlank();
    }
}
