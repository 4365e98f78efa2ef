package org.mlrcopilot.papers.reader;

import java.util.List;
import org.mlrcopilot.agents.paper.PaperIds;
import org.mlrcopilot.papers.html.LandingPage;

/** What is known about a paper before its full text is read; blank fields are filled from the text. */
record Metadata(String title, List<String> authors, String abstractText, PaperIds ids) {

    Metadata {
        authors = List.copyOf(authors);
    }

    static Metadata none(PaperIds ids) {
        return new Metadata("", List.of(), "", ids);
    }

    static Metadata of(LandingPage page, PaperIds ids) {
        PaperIds found = new PaperIds(page.arxivId(), "", page.doi(), "", "");
        return new Metadata(page.title(), page.authors(), page.abstractText(), ids.merge(found));
    }

    String titleOr(String fallback) {
        return title.isBlank() ? fallback : title;
    }

    List<String> authorsOr(List<String> fallback) {
        return authors.isEmpty() ? fallback : authors;
    }

    String abstractOr(String fallback) {
        return abstractText.isBlank() ? fallback : abstractText;
    }
}
