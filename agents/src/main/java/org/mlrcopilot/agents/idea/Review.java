package org.mlrcopilot.agents.idea;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * A critical review of a hypothesis and its plan.
 *
 * @param nearestPriorWork  title of the most similar related paper, or "none"
 * @param noveltyAssessment how the hypothesis differs from that work
 * @param rank              1 for the most promising hypothesis of its batch
 */
public record Review(
        ReviewScore clarity,
        ReviewScore validity,
        ReviewScore rigor,
        ReviewScore innovativeness,
        ReviewScore generalizability,
        String nearestPriorWork,
        String noveltyAssessment,
        int rank) {

    public Review {
        Objects.requireNonNull(clarity, "clarity must not be null");
        Objects.requireNonNull(validity, "validity must not be null");
        Objects.requireNonNull(rigor, "rigor must not be null");
        Objects.requireNonNull(innovativeness, "innovativeness must not be null");
        Objects.requireNonNull(generalizability, "generalizability must not be null");
        nearestPriorWork = Texts.required(nearestPriorWork, "nearestPriorWork");
        noveltyAssessment = Texts.required(noveltyAssessment, "noveltyAssessment");
        if (rank < 1) {
            throw new IllegalArgumentException("rank starts at 1, got " + rank);
        }
    }

    /** The mean of the five scores. */
    public double overall() {
        return Stream.of(clarity, validity, rigor, innovativeness, generalizability)
                .mapToInt(ReviewScore::score)
                .average()
                .orElseThrow();
    }
}
