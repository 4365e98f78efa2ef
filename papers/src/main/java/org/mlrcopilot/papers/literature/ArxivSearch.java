package org.mlrcopilot.papers.literature;

import java.time.Duration;
import java.util.List;
import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.papers.arxiv.ArxivApi;
import org.mlrcopilot.papers.arxiv.ArxivEntry;

/** The arXiv search, as the last resort. */
final class ArxivSearch {

    static final String SOURCE = "arxiv";
    private static final int MAX_RESULTS = 50;

    private final ArxivApi api;
    private final Calls calls;

    ArxivSearch(ArxivApi api, Calls calls) {
        this.api = api;
        this.calls = calls;
    }

    Outcome find(LiteratureQuery query, SearchDeadline budget) {
        String text = query.searchText();
        if (text.isEmpty()) {
            return Outcome.answered(List.of());
        }
        Duration limit = budget.remaining();
        List<ArxivEntry> entries = calls.within(limit, () -> api.search(text, MAX_RESULTS, limit));
        return Outcome.answered(entries.stream().map(ArxivSearch::toPaper).toList());
    }

    private static RelatedPaper toPaper(ArxivEntry entry) {
        Integer year = entry.published() == null ? null : entry.published().getYear();
        return new RelatedPaper(
                entry.title(),
                year,
                entry.summary(),
                entry.authors(),
                entry.absUrl(),
                entry.id(),
                entry.doi(),
                SOURCE,
                0);
    }
}
