package org.mlrcopilot.papers.literature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

class RankerTest {

    private static final String QUERY = "MLR-Copilot: Autonomous Machine Learning Research based on Large Language "
            + "Models Agents. Large language model agents generate research ideas and implement machine learning "
            + "experiments automatically.";
    private static final Recency RECENCY = new Recency(2025, 3);
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static Ranker ranker;

    @BeforeAll
    static void loadModel() {
        ranker = new Ranker(RelatedWorkFinder.localEmbeddings(), calls());
    }

    @Test
    void aPaperOnTheSameTopicRanksAboveAnUnrelatedOne() {
        RelatedPaper unrelated = paper(
                "Grain yield response of winter wheat to nitrogen fertilization",
                2024,
                "Field trials measured grain yield of winter wheat under four nitrogen rates.");
        RelatedPaper related = paper(
                "Language model agents that automate machine learning research",
                2024,
                "Agents built on large language models propose research ideas and run machine learning experiments.");

        List<RelatedPaper> ranked = ranker.rank(QUERY, List.of(unrelated, related), RECENCY, 10, LIMIT);

        assertThat(ranked).extracting(RelatedPaper::title).containsExactly(related.title(), unrelated.title());
        assertThat(ranked.get(0).score())
                .isGreaterThan(ranked.get(1).score() + 0.2)
                .isLessThanOrEqualTo(1.0);
        assertThat(ranked.get(1).score()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void oldPapersArePushedOutByEnoughRecentOnes() {
        RelatedPaper old = paper(
                "Autonomous machine learning research with large language model agents",
                2016,
                "Large language model agents generate research ideas and implement machine learning experiments.");
        List<RelatedPaper> recent = List.of(
                paper("Benchmarking agents on machine learning experimentation", 2023, "Agents run ML experiments."),
                paper("Research idea generation with language models", 2024, "LLMs propose research hypotheses."),
                paper("Code agents for data science", 2025, "Agents write code for data science tasks."));

        List<RelatedPaper> ranked =
                ranker.rank(QUERY, List.of(old, recent.get(0), recent.get(1), recent.get(2)), RECENCY, 3, LIMIT);

        assertThat(ranked)
                .extracting(RelatedPaper::title)
                .containsExactlyInAnyOrderElementsOf(
                        recent.stream().map(RelatedPaper::title).toList());
    }

    @Test
    void olderPapersFillThePlacesRecentOnesCannot() {
        RelatedPaper recent = paper("Research idea generation with language models", 2024, "LLMs propose ideas.");
        RelatedPaper oldRelated = paper("Automating machine learning research with language agents", 2019, "");
        RelatedPaper oldUnrelated = paper("Soil moisture and maize yield", 2018, "Irrigation trials on maize.");
        RelatedPaper undated = paper("Protein folding with deep networks", null, "");

        List<RelatedPaper> ranked =
                ranker.rank(QUERY, List.of(oldUnrelated, undated, oldRelated, recent), RECENCY, 3, LIMIT);

        assertThat(ranked).extracting(RelatedPaper::title).hasSize(3).startsWith(recent.title(), oldRelated.title());
    }

    @Test
    void theSamePaperScoresHigherWhenMoreRecent() {
        List<RelatedPaper> ranked = ranker.rank(
                QUERY,
                List.of(
                        paper("Language agents for machine learning research", 2022, "Agents run experiments."),
                        paper("Language agents for machine learning research.", 2025, "Agents run experiments.")),
                RECENCY,
                10,
                LIMIT);

        assertThat(ranked).extracting(RelatedPaper::year).containsExactly(2025, 2022);
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
    }

    @Test
    void withoutAWorkingEmbeddingModelSharedWordsStillRank() {
        EmbeddingModel broken = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                throw new IllegalStateException("model unavailable");
            }
        };
        Ranker fallback = new Ranker(broken, calls());

        List<RelatedPaper> ranked = fallback.rank(
                QUERY,
                List.of(
                        paper("Wheat yield under nitrogen fertilization", 2024, "Field trials."),
                        paper("Machine learning research agents", 2024, "Language model agents run experiments.")),
                RECENCY,
                10,
                LIMIT);

        assertThat(ranked.get(0).title()).isEqualTo("Machine learning research agents");
        assertThat(ranked).allSatisfy(p -> assertThat(p.score()).isBetween(0.0, 1.0));
    }

    private static Calls calls() {
        return new Calls(new GuardedHttpClient(FetchPolicy.defaults()));
    }

    private static RelatedPaper paper(String title, Integer year, String abstractText) {
        return new RelatedPaper(title, year, abstractText, List.of("A. Author"), "", "", "", "openalex", 0);
    }
}
