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

    Outcome find(LiteratureQuery query, int fromYear, SearchDeadline budget) {
        String text = query.searchText();
        if (text.isEmpty()) {
            return Outcome.answered(List.of());
        }
        String uri = LiteratureSettings.base(settings.openAlexUrl()) + "/works?search=" + ScholarlyJson.encode(text)
                + "&filter=from_publication_date:" + fromYear + "-01-01&per-page=50"
                + (settings.mailto().isEmpty() ? "" : "&mailto=" + ScholarlyJson.encode(settings.mailto()));
        FetchRequest request =
                FetchRequest.get(URI.create(uri)).expect(Expect.JSON).retries(0);
        List<RelatedPaper> papers = new ArrayList<>();
        for (JsonNode work :
                ScholarlyJson.read(calls.get(request, budget.remaining())).path("results")) {
            toPaper(work).ifPresent(papers::add);
        }
        return Outcome.answered(papers);
    }

    private static Optional<RelatedPaper> toPaper(JsonNode work) {
        String title = ScholarlyJson.text(work, "title").isBlank()
                ? ScholarlyJson.text(work, "display_name")
                : ScholarlyJson.text(work, "title");
        if (title.isBlank()) {
            return Optional.empty();
        }
        String landing = ScholarlyJson.text(work.path("primary_location"), "landing_page_url");
        return Optional.of(new RelatedPaper(
                title,
                ScholarlyJson.year(work, "publication_year"),
                abstractOf(work.path("abstract_inverted_index")),
                ScholarlyJson.each(work.path("authorships"), "author", "display_name"),
                landing,
                arxivId(work, landing),
                ScholarlyJson.text(work, "doi"),
                SOURCE,
                0));
    }

    private static String arxivId(JsonNode work, String landing) {
        String fromIds = Ids.arxiv(ScholarlyJson.text(work.path("ids"), "arxiv"));
        if (!fromIds.isEmpty()) {
            return fromIds;
        }
        for (JsonNode location : work.path("locations")) {
            String id = Ids.arxiv(ScholarlyJson.text(location, "landing_page_url"));
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
