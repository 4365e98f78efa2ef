package org.mlrcopilot.agents.idea;

/** One hypothesis's review as the model writes it. */
record ReviewDraft(
        String id,
        ReviewScore clarity,
        ReviewScore validity,
        ReviewScore rigor,
        ReviewScore innovativeness,
        ReviewScore generalizability,
        String nearestPriorWork,
        String noveltyAssessment,
        Integer rank) {

    ReviewDraft {
        id = id == null ? "" : id.strip();
        java.util.Objects.requireNonNull(clarity, "clarity must not be null");
        java.util.Objects.requireNonNull(validity, "validity must not be null");
        java.util.Objects.requireNonNull(rigor, "rigor must not be null");
        java.util.Objects.requireNonNull(innovativeness, "innovativeness must not be null");
        java.util.Objects.requireNonNull(generalizability, "generalizability must not be null");
        nearestPriorWork = nearestPriorWork == null || nearestPriorWork.isBlank() ? "none" : nearestPriorWork.strip();
        noveltyAssessment =
                noveltyAssessment == null || noveltyAssessment.isBlank() ? "not assessed" : noveltyAssessment.strip();
    }

    ReviewDraft as(String newId, int newRank) {
        return new ReviewDraft(
                newId,
                clarity,
                validity,
                rigor,
                innovativeness,
                generalizability,
                nearestPriorWork,
                noveltyAssessment,
                newRank);
    }

    double overall() {
        return review(1).overall();
    }

    Review review() {
        return review(rank);
    }

    private Review review(int value) {
        return new Review(
                clarity, validity, rigor, innovativeness, generalizability, nearestPriorWork, noveltyAssessment, value);
    }
}
