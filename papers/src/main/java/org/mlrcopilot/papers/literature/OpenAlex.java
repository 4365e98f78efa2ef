package org.mlrcopilot.papers.literature;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mlrcopilot.agents.literature.Ids;
import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.papers.fetch.Expect;
import org.mlrcopilot.papers.fetch.FetchRequest;

/** The OpenAlex works search, limited to works published since a year. */
final class OpenAlex {

    static final String SOURCE = "openalex";

    private final Calls calls;
    private final LiteratureSettings settings;

    OpenAlex(Calls calls, LiteratureSettings settings) {
        this.calls = calls;
        this.settings = settings;
    }

    Outcome find(LiteratureQuery query, int fromYear, Budget budget) {
        String text = query.searchText();
        if (text.isEmpty()) {
            return Outcome.answered(List.of());
        }
        String uri = LiteratureSettings.base(settings.openAlexUrl()) + "/works?search=" + Json.encode(text)
                + "&filter=from_publication_date:" + fromYear + "-01-01&per-page=50"
                + (settings.mailto().isEmpty() ? "" : "&mailto=" + Json.encode(settings.mailto()));
        FetchRequest request = FetchRequest.get(URI.create(uri)).expect(Expect.JSON).retries(0);
        List<RelatedPaper> papers = new ArrayList<>();
        for (JsonNode work : Json.read(calls.get(request, budget.remaining())).path("results")) {
            toPaper(work).ifPresent(papers::add);
        }
        return Outcome.answered(papers);
    }

    private static Optional<RelatedPaper> toPaper(JsonNode work) {
        String title = Json.text(work, "title").isBlank() ? Json.text(work, "display_name") : Json.text(work, "title");
        if (title.isBlank()) {
            return Optional.empty();
        }
        String landing = Json.text(work.path("primary_location"), "landing_page_url");
        return Optional.of(new RelatedPaper(title, Json.year(work, "publication_year"),
                abstractOf(work.path("abstract_inverted_index")), Json.each(work.path("authorships"), "author",
                "display_name"), landing, arxivId(work, landing), Json.text(work, "doi"), SOURCE, 0));
    }

    private static String arxivId(JsonNode work, String landing) {
        String fromIds = Ids.arxiv(Json.text(work.path("ids"), "arxiv"));
        if (!fromIds.isEmpty()) {
            return fromIds;
        }
        for (JsonNode location : work.path("locations")) {
            String id = Ids.arxiv(Json.text(location, "landing_page_url"));
            if (!id.isEmpty()) {
                return id;
            }
        }
        return Ids.arxiv(landing);
    }

    /** The abstract rebuilt from OpenAlex's inverted index (word -> positions). */
    static String abstractOf(JsonNode invertedIndex) {
        Map<Integer, String> words = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : invertedIndex.properties()) {
            for (JsonNode position : entry.getValue()) {
                if (position.canConvertToInt()) {
                    words.put(position.asInt(), entry.getKey());
                }
            }
        }
        return String.join(" ", words.values());
    }
}
