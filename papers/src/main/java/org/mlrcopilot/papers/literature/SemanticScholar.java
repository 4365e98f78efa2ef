package org.mlrcopilot.papers.literature;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.papers.fetch.Expect;
import org.mlrcopilot.papers.fetch.FetchFailures;
import org.mlrcopilot.papers.fetch.FetchRequest;

/**
 * The Semantic Scholar Graph and Recommendations APIs: the query paper's references, recommendations for it,
 * and a keyword search of recent papers. Stops at the first failure, keeping what it already has.
 */
final class SemanticScholar {

    static final String SOURCE = "semantic-scholar";
    private static final String FIELDS = "title,year,abstract,externalIds,authors,url";
    private static final String PAPER_FIELDS = "paperId," + FIELDS;

    private final Calls calls;
    private final LiteratureSettings settings;
    private final String base;

    SemanticScholar(Calls calls, LiteratureSettings settings) {
        this.calls = calls;
        this.settings = settings;
        this.base = LiteratureSettings.base(settings.semanticScholarUrl());
    }

    Outcome find(LiteratureQuery query, int fromYear, SearchDeadline budget) {
        Duration granted = budget.remaining();
        List<RelatedPaper> found = new ArrayList<>();
        RelatedPaper self = null;
        try {
            JsonNode paper = resolve(query, budget);
            if (paper != null) {
                self = toPaper(paper).orElse(null);
                addRelated(ScholarlyJson.encode(ScholarlyJson.text(paper, "paperId")), budget, found);
            }
            found.addAll(search(self == null ? query : query.withResolved(self), fromYear, budget));
            return Outcome.answered(found).withSelf(self);
        } catch (RuntimeException e) {
            Outcome partial = found.isEmpty()
                    ? Outcome.failed(FetchFailures.describe(e, granted))
                    : Outcome.answered(found).withNote("then " + FetchFailures.describe(e, granted));
            return partial.withSelf(self);
        }
    }

    /** The paper's references, then the papers recommended for it. */
    private void addRelated(String paperId, SearchDeadline budget, List<RelatedPaper> found) {
        found.addAll(papers(
                fetch("/graph/v1/paper/" + paperId + "/references?fields=" + FIELDS + "&limit=100", budget)
                        .path("data"),
                "citedPaper"));
        found.addAll(papers(
                fetch("/recommendations/v1/papers/forpaper/" + paperId + "?fields=" + FIELDS + "&limit=50", budget)
                        .path("recommendedPapers"),
                null));
    }

    /** The query paper by arXiv id, else DOI; null when neither is given or Semantic Scholar does not know it. */
    private JsonNode resolve(LiteratureQuery query, SearchDeadline budget) {
        List<String> ids = new ArrayList<>();
        if (!query.arxivId().isEmpty()) {
            ids.add("ARXIV:" + query.arxivId());
        }
        if (!query.doi().isEmpty()) {
            ids.add("DOI:" + query.doi());
        }
        for (String id : ids) {
            try {
                return fetch("/graph/v1/paper/" + PathSegment.encode(id) + "?fields=" + PAPER_FIELDS, budget);
            } catch (FetchException e) {
                if (e.kind() != FetchException.Kind.HTTP_STATUS || e.status() != 404) {
                    throw e;
                }
            }
        }
        return null;
    }

    private List<RelatedPaper> search(LiteratureQuery query, int fromYear, SearchDeadline budget) {
        String text = query.searchText();
        if (text.isEmpty()) {
            return List.of();
        }
        return papers(
                fetch(
                                "/graph/v1/paper/search?query=" + ScholarlyJson.encode(text) + "&fields=" + FIELDS
                                        + "&year=" + fromYear + "-&limit=50",
                                budget)
                        .path("data"),
                null);
    }

    private JsonNode fetch(String pathAndQuery, SearchDeadline budget) {
        FetchRequest request = FetchRequest.get(URI.create(base + pathAndQuery))
                .expect(Expect.JSON)
                .retries(0);
        if (!settings.semanticScholarApiKey().isEmpty()) {
            request = request.header("x-api-key", settings.semanticScholarApiKey());
        }
        return ScholarlyJson.read(calls.get(request, budget.remaining()));
    }

    private static List<RelatedPaper> papers(JsonNode array, String wrapper) {
        List<RelatedPaper> papers = new ArrayList<>();
        for (JsonNode element : array) {
            toPaper(wrapper == null ? element : element.path(wrapper)).ifPresent(papers::add);
        }
        return papers;
    }

    private static Optional<RelatedPaper> toPaper(JsonNode paper) {
        String title = ScholarlyJson.text(paper, "title");
        if (title.isBlank()) {
            return Optional.empty();
        }
        JsonNode ids = paper.path("externalIds");
        return Optional.of(new RelatedPaper(
                title,
                ScholarlyJson.year(paper, "year"),
                ScholarlyJson.text(paper, "abstract"),
                ScholarlyJson.each(paper.path("authors"), "name"),
                ScholarlyJson.text(paper, "url"),
                ScholarlyJson.text(ids, "ArXiv"),
                ScholarlyJson.text(ids, "DOI"),
                SOURCE,
                0));
    }
}
