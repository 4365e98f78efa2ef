package org.mlrcopilot.agents.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {

    private static final ExperimentPlan PLAN = new ExperimentPlan(
            "Test it",
            List.of(new DatasetRef("CIFAR-10", "torchvision.datasets.CIFAR10")),
            List.of("ResNet-18"),
            List.of("ResNet-18"),
            List.of("accuracy"),
            List.of("train", "evaluate"),
            new ComputeEstimate(1, 2),
            "accuracy +1 point");

    private static Hypothesis v(String id, int version, List<Hypothesis> history) {
        return new Hypothesis(
                id,
                version,
                "Title",
                "Method",
                "Rationale",
                "Outcome",
                List.of(),
                PLAN,
                null,
                version == 1 ? "" : "changed",
                history);
    }

    @Test
    void scoresOutsideOneToFiveAreRejected() {
        assertThatThrownBy(() -> new ReviewScore(0, "bad")).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new ReviewScore(6, "bad")).hasMessageContaining("got 6");
        assertThat(new ReviewScore(3, " ").reason())
                .as("a missing reason is tolerated")
                .isEqualTo("no reason given");
        assertThat(new ReviewScore(5, "fine").score()).isEqualTo(5);
    }

    @Test
    void theOverallScoreIsTheMeanOfTheFive() {
        Review review = new Review(
                new ReviewScore(5, "a"),
                new ReviewScore(4, "b"),
                new ReviewScore(3, "c"),
                new ReviewScore(2, "d"),
                new ReviewScore(1, "e"),
                "none",
                "new",
                1);

        assertThat(review.overall()).isEqualTo(3.0);
        assertThatThrownBy(() -> new Review(
                        new ReviewScore(5, "a"),
                        new ReviewScore(4, "b"),
                        new ReviewScore(3, "c"),
                        new ReviewScore(2, "d"),
                        new ReviewScore(1, "e"),
                        "none",
                        "new",
                        0))
                .hasMessageContaining("rank");
    }

    @Test
    void hypothesesCheckTheirIdAndHistory() {
        Hypothesis first = v("H1", 1, List.of());

        assertThat(v("H1", 2, List.of(first)).history()).containsExactly(first);
        assertThatThrownBy(() -> v("h1", 1, List.of())).hasMessageContaining("H1");
        assertThatThrownBy(() -> v("H2", 2, List.of(first))).hasMessageContaining("history");
        assertThatThrownBy(() -> v("H1", 1, List.of(first))).hasMessageContaining("history");
    }

    @Test
    void feedbackNeedsACommentOrAVote() {
        assertThat(new HumanFeedback(List.of(" ", "Use a larger model "), 0, 0).comments())
                .containsExactly("Use a larger model");
        assertThatThrownBy(() -> new HumanFeedback(List.of(), 0, 0)).hasMessageContaining("comment or a vote");
        assertThatThrownBy(() -> new HumanFeedback(List.of("x"), -1, 0)).hasMessageContaining("votes");
    }

    @Test
    void settingsHaveTheDocumentedDefaultsAndBounds() {
        assertThat(IdeaSettings.defaults()).isEqualTo(new IdeaSettings(3, 5, 20_000, 600));
        assertThatThrownBy(() -> new IdeaSettings(0, 5, 20_000, 600)).hasMessageContaining("hypotheses");
        assertThatThrownBy(() -> new ResearchElements(List.of("t"), List.of(), List.of("k"), "m"))
                .hasMessageContaining("gaps");
    }
}
