package org.mlrcopilot.papers.literature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.literature.Ids;
import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.literature.SourceStatus;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

class RelatedWorkFinderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final String TITLE =
            "MLR-Copilot: Autonomous Machine Learning Research based on Large Language " + "Models Agents";
    private static final String ABSTRACT = "We present MLR-Copilot, a framework that enhances machine learning "
            + "research productivity through the automatic generation and implementation of research ideas using "
            + "large language model agents.";
    private static final List<String> KEYWORDS = List.of("LLM agents", "research idea generation");
    private static EmbeddingModel embeddings;
    private static String paperId;

    private FakeApi s2;
    private FakeApi openAlex;
    private FakeApi arxiv;
    private GuardedHttpClient http;

    @BeforeAll
    static void loadModel() throws IOException {
        embeddings = RelatedWorkFinder.localEmbeddings();
        paperId = new ObjectMapper()
                .readTree(FakeApi.resource("s2/paper.json"))
                .get("paperId")
                .asText();
    }

    @BeforeEach
    void startServers() {
        s2 = new FakeApi();
        openAlex = new FakeApi();
        arxiv = new FakeApi();
        http = new GuardedHttpClient(FetchPolicy.defaults()
                .withAllowPrivateAddresses(true)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withRetries(0, Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @AfterEach
    void stopServers() throws IOException {
        http.close();
        s2.close();
        openAlex.close();
        arxiv.close();
    }

    @Test
    void semanticScholarAloneGivesRecentReferencesRecommendationsAndSearchResults() {
        servePaperOnSemanticScholar();

        RelatedWork work = finder("secret-key", 10, Duration.ofSeconds(20)).find(query("arXiv:2408.14033v2"));

        assertThat(s2.paths())
                .containsExactly(
                        "/graph/v1/paper/ARXIV:2408.14033",
                        "/graph/v1/paper/" + paperId + "/references",
                        "/recommendations/v1/papers/forpaper/" + paperId,
                        "/graph/v1/paper/search");
        assertThat(s2.requests)
                .allSatisfy(r -> assertThat(r.getHeader("x-api-key")).isEqualTo("secret-key"));
        assertThat(param(0, "fields")).isEqualTo("paperId,title,year,abstract,externalIds,authors,url");
        assertThat(param(1, "fields")).isEqualTo("title,year,abstract,externalIds,authors,url");
        assertThat(param(1, "limit")).isEqualTo("100");
        assertThat(param(2, "limit")).isEqualTo("50");
        assertThat(param(3, "query")).startsWith(TITLE).contains("LLM agents");
        assertThat(param(3, "year")).isEqualTo("2022-");
        assertThat(openAlex.requests).isEmpty();
        assertThat(arxiv.requests).isEmpty();
        assertThat(work.sources()).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo("semantic-scholar");
            assertThat(s.answered()).isTrue();
            assertThat(s.detail()).isEqualTo("22 results");
        });
        assertThat(work.papers()).hasSize(10).allSatisfy(p -> {
            assertThat(p.year()).isGreaterThanOrEqualTo(2022);
            assertThat(p.score()).isBetween(0.0, 1.0);
            assertThat(p.source()).isEqualTo("semantic-scholar");
        });
        assertThat(work.papers()).extracting(RelatedPaper::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(titles(work))
                .doesNotContain(
                        Ids.titleKey(TITLE),
                        "attention is all you need",
                        "deep residual learning for image recognition");
    }

    @Test
    void aPaperKnownByDoiIsResolvedAndWhatCameBeforeARateLimitIsKept() {
        s2.json("/graph/v1/paper/DOI:10.1145/3637528.3671000", "s2/paper.json")
                .json("/graph/v1/paper/" + paperId + "/references", "s2/references.json")
                .status("*", 429);

        RelatedWork work = finder("", 10, Duration.ofSeconds(20))
                .find(new LiteratureQuery("", "", List.of(), "", "https://doi.org/10.1145/3637528.3671000"));

        assertThat(s2.paths())
                .containsExactly(
                        "/graph/v1/paper/DOI:10.1145/3637528.3671000",
                        "/graph/v1/paper/" + paperId + "/references",
                        "/recommendations/v1/papers/forpaper/" + paperId);
        assertThat(work.sources().get(0)).satisfies(s -> {
            assertThat(s.answered()).isTrue();
            assertThat(s.detail()).isEqualTo("9 results, then rate-limited (HTTP 429), fell back");
        });
        assertThat(openAlex.requests.get(0).getRequestUrl().queryParameter("search"))
                .isEqualTo(TITLE);
        assertThat(work.papers()).hasSize(9);
        assertThat(work.papers().subList(0, 6))
                .allSatisfy(p -> assertThat(p.year()).isGreaterThanOrEqualTo(2022));
        assertThat(work.papers().subList(6, 9))
                .extracting(RelatedPaper::year)
                .containsExactlyInAnyOrder(2017, 2015, 2011);
    }

    @Test
    void rateLimitedSemanticScholarFallsBackToOpenAlex() {
        s2.status("*", 429);
        openAlex.json("/works", "openalex/works.json");

        RelatedWork work =
                finder("", 10, Duration.ofSeconds(20), "team@example.org").find(query("2408.14033"));

        assertThat(s2.requests).hasSize(1);
        assertThat(work.sources())
                .extracting(SourceStatus::source, SourceStatus::answered, SourceStatus::detail)
                .containsExactly(
                        tuple("semantic-scholar", false, "rate-limited (HTTP 429), fell back"),
                        tuple("openalex", true, "13 results"));
        RecordedRequest search = openAlex.requests.get(0);
        assertThat(search.getRequestUrl().queryParameter("search")).startsWith(TITLE);
        assertThat(search.getRequestUrl().queryParameter("filter")).isEqualTo("from_publication_date:2022-01-01");
        assertThat(search.getRequestUrl().queryParameter("per-page")).isEqualTo("50");
        assertThat(search.getRequestUrl().queryParameter("mailto")).isEqualTo("team@example.org");
        assertThat(arxiv.requests).isEmpty();
        assertThat(work.papers())
                .hasSize(10)
                .allSatisfy(p -> assertThat(p.source()).isEqualTo("openalex"));
        assertThat(titles(work)).doesNotContain(Ids.titleKey(TITLE));
        assertThat(work.papers())
                .filteredOn(p -> p.arxivId().equals("2408.06292"))
                .singleElement()
                .satisfies(p -> assertThat(p.abstractText()).startsWith("One of the grand challenges of artificial"));
    }

    @Test
    void semanticScholarAndOpenAlexDownFallsBackToArxiv() {
        s2.status("*", 500);
        openAlex.status("*", 500);
        arxiv.atom("/api/query", "arxiv/search.xml");

        RelatedWork work = finder("", 10, Duration.ofSeconds(20)).find(query("2408.14033"));

        assertThat(work.sources())
                .extracting(SourceStatus::source, SourceStatus::answered, SourceStatus::detail)
                .containsExactly(
                        tuple("semantic-scholar", false, "HTTP 500, fell back"),
                        tuple("openalex", false, "HTTP 500, fell back"),
                        tuple("arxiv", true, "5 results"));
        RecordedRequest search = arxiv.requests.get(0);
        assertThat(search.getRequestUrl().queryParameter("search_query")).startsWith("all:");
        assertThat(search.getRequestUrl().queryParameter("sortBy")).isEqualTo("relevance");
        assertThat(work.papers())
                .hasSize(5)
                .allSatisfy(p -> assertThat(p.source()).isEqualTo("arxiv"));
    }

    @Test
    void aSourceThatNeverAnswersIsCutOffAndTheRestContinues() {
        s2.silent("*");
        openAlex.json("/works", "openalex/works.json");
        Duration deadline = Duration.ofSeconds(4);

        long start = System.nanoTime();
        RelatedWork work = finder("", 10, deadline).find(query("2408.14033"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(deadline.plusMillis(800));
        assertThat(work.sources().get(0)).satisfies(s -> {
            assertThat(s.answered()).isFalse();
            assertThat(s.detail()).matches("no answer within \\d\\.\\ds, fell back");
        });
        assertThat(work.sources().get(1).answered()).isTrue();
        assertThat(work.papers()).hasSize(10);
    }

    @Test
    void whenNoSourceAnswersFindStillReturnsWithinTheDeadline() {
        s2.silent("*");
        openAlex.silent("*");
        arxiv.silent("*");
        Duration deadline = Duration.ofSeconds(3);

        long start = System.nanoTime();
        RelatedWork work = finder("", 10, deadline).find(query(""));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(deadline.plusMillis(800));
        assertThat(work.papers()).isEmpty();
        assertThat(work.sources())
                .extracting(SourceStatus::source)
                .containsExactly("semantic-scholar", "openalex", "arxiv");
        assertThat(work.sources()).allSatisfy(s -> {
            assertThat(s.answered()).isFalse();
            assertThat(s.detail()).startsWith("no answer within");
        });
    }

    @Test
    void papersFoundByTwoOrThreeSourcesAppearOnceAndTheQueryPaperNever() {
        s2.json("/graph/v1/paper/search", "s2/search-few.json");
        openAlex.json("/works", "openalex/works.json");
        arxiv.atom("/api/query", "arxiv/search.xml");

        RelatedWork work = finder("", 20, Duration.ofSeconds(20)).find(query(""));

        assertThat(s2.paths()).containsExactly("/graph/v1/paper/search");
        assertThat(s2.requests.get(0).getHeader("x-api-key")).isNull();
        assertThat(work.sources())
                .extracting(SourceStatus::detail)
                .containsExactly("3 results, fell back", "13 results, fell back", "5 results");
        assertThat(work.papers()).hasSize(12);
        assertThat(titles(work)).doesNotContain(Ids.titleKey(TITLE)).doesNotHaveDuplicates();
        assertThat(work.papers())
                .extracting(RelatedPaper::arxivId)
                .filteredOn(id -> !id.isEmpty())
                .doesNotHaveDuplicates();
        assertThat(work.papers())
                .filteredOn(p -> p.arxivId().equals("2408.06292"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.source()).isEqualTo("semantic-scholar");
                    assertThat(p.abstractText()).startsWith("One of the grand challenges");
                });
        assertThat(work.papers())
                .filteredOn(p -> p.doi().equals("10.18653/v1/2024.acl-long.18"))
                .singleElement()
                .extracting(RelatedPaper::title)
                .isEqualTo("SciMON: Scientific Inspiration Machines Optimized for Novelty");
        assertThat(work.papers())
                .filteredOn(p -> p.title().startsWith("Chain of Ideas"))
                .hasSize(1);
    }

    @Test
    void aClearlyRelatedPaperRanksAboveAnUnrelatedOne() {
        s2.status("*", 429);
        openAlex.json("/works", "openalex/works.json");

        RelatedWork work = finder("", 20, Duration.ofSeconds(20)).find(query(""));

        List<String> titles = work.papers().stream().map(RelatedPaper::title).toList();
        assertThat(titles.indexOf("The AI Scientist: Towards Fully Automated Open-Ended Scientific Discovery"))
                .isNotNegative()
                .isLessThan(titles.indexOf(
                        "Grain yield response of winter wheat to nitrogen fertilization and sowing date"));
        assertThat(titles.get(titles.size() - 1)).startsWith("Grain yield");
    }

    private static LiteratureQuery query(String arxivId) {
        return new LiteratureQuery(TITLE, ABSTRACT, KEYWORDS, arxivId, "");
    }

    private void servePaperOnSemanticScholar() {
        s2.json("/graph/v1/paper/ARXIV:2408.14033", "s2/paper.json")
                .json("/graph/v1/paper/" + paperId + "/references", "s2/references.json")
                .json("/recommendations/v1/papers/forpaper/" + paperId, "s2/recommendations.json")
                .json("/graph/v1/paper/search", "s2/search.json");
    }

    private String param(int request, String name) {
        return s2.requests.get(request).getRequestUrl().queryParameter(name);
    }

    private static List<String> titles(RelatedWork work) {
        return work.papers().stream().map(p -> Ids.titleKey(p.title())).toList();
    }

    private RelatedWorkFinder finder(String apiKey, int maxResults, Duration deadline) {
        return finder(apiKey, maxResults, deadline, "");
    }

    private RelatedWorkFinder finder(String apiKey, int maxResults, Duration deadline, String mailto) {
        LiteratureSettings settings = new LiteratureSettings(
                s2.url("/"), openAlex.url("/"), arxiv.url("/api/query"), apiKey, 3, maxResults, deadline, mailto);
        return new RelatedWorkFinder(http, settings, embeddings, CLOCK);
    }
}
