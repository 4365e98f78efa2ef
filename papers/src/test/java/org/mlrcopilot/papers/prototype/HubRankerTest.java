package org.mlrcopilot.papers.prototype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubRankerTest {

    private static final long MB = 1_000_000L;
    private final HubRanker ranker = new HubRanker(new Similarity(new StubEmbeddings(Map.of(
            "plan",
            new float[] {1, 0},
            "same",
            new float[] {1, 0},
            "close",
            new float[] {0.6f, 0.8f},
            "unrelated",
            new float[] {0, 1},
            "opposite",
            new float[] {-1, 0}))));

    @Test
    void equalSimilarityIsOrderedByDownloadsWithTheDocumentedScores() {
        List<HubItem> ranked = ranker.rank(
                "plan",
                List.of(model("a/few", 10, "same"), model("a/none", 0, "same"), model("a/many", 1000, "same")),
                0,
                5);

        assertThat(ranked).extracting(HubItem::id).containsExactly("a/many", "a/few", "a/none");
        assertThat(ranked.get(0).score()).isCloseTo(0.75 + 0.25, within(1e-6));
        assertThat(ranked.get(1).score()).isCloseTo(0.75 + 0.25 * Math.log10(11) / Math.log10(1001), within(1e-6));
        assertThat(ranked.get(2).score()).isCloseTo(0.75, within(1e-6));
    }

    @Test
    void similarityWeighsThreeTimesPopularity() {
        List<HubItem> ranked = ranker.rank(
                "plan",
                List.of(
                        model("top/unrelated", 1_000_000, "unrelated"),
                        model("top/close", 1_000_000, "close"),
                        model("new/same", 0, "same"),
                        model("top/opposite", 1_000_000, "opposite")),
                0,
                5);

        assertThat(ranked)
                .extracting(HubItem::id)
                .containsExactly("new/same", "top/close", "top/opposite", "top/unrelated");
        assertThat(ranked.get(0).score()).isCloseTo(0.75, within(1e-6));
        assertThat(ranked.get(1).score()).isCloseTo(0.75 * 0.6 + 0.25, within(1e-6));
        assertThat(ranked.get(2).score())
                .as("negative similarity counts as none")
                .isCloseTo(0.25, within(1e-6));
        assertThat(ranked.get(3).score()).isCloseTo(0.25, within(1e-6));
    }

    @Test
    void modelsKnownToBeTooLargeAreLeftOutAndUnknownSizesKept() {
        List<HubItem> ranked = ranker.rank(
                "plan",
                List.of(
                        sized("big/model", 200 * MB),
                        sized("small/model", 50 * MB),
                        sized("unknown/model", -1),
                        sized("exact/model", 100 * MB)),
                100 * MB,
                5);

        assertThat(ranked)
                .extracting(HubItem::id)
                .containsExactlyInAnyOrder("small/model", "unknown/model", "exact/model");
        assertThat(ranker.rank("plan", List.of(sized("big/model", 200 * MB)), 0, 5))
                .hasSize(1);
    }

    @Test
    void duplicatesCountOnceAndOnlyTheTopAreKept() {
        List<Candidate> candidates = List.of(
                model("org/Model", 5, "same"),
                model("org/model", 5, "same"),
                model("b/1", 1, "same"),
                model("b/2", 2, "same"),
                model("b/3", 3, "same"),
                model("b/4", 4, "same"),
                model("b/6", 6, "same"));

        List<HubItem> ranked = ranker.rank("plan", candidates, 0, 5);

        assertThat(ranked).extracting(HubItem::id).containsExactly("b/6", "org/Model", "b/4", "b/3", "b/2");
    }

    @Test
    void noDownloadsAnywhereMeansNoPopularityBonus() {
        List<HubItem> ranked = ranker.rank("plan", List.of(model("a/b", 0, "same")), 0, 5);

        assertThat(ranked.get(0).score()).isCloseTo(0.75, within(1e-9));
    }

    private static Candidate model(String id, long downloads, String text) {
        return new Candidate(
                new HubItem(id, HubItem.MODEL, downloads, 0, List.of(), "", -1, HubJson.PAGES + id, 0), text);
    }

    private static Candidate sized(String id, long bytes) {
        return new Candidate(new HubItem(id, HubItem.MODEL, 1, 0, List.of(), "", bytes, HubJson.PAGES + id, 0), "same");
    }
}
