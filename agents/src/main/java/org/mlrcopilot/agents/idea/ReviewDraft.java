package org.mlrcopilot.agents.idea;

/** One hypothesis's review as the model writes it. */
record ReviewDraft(String id, Score clarity, Score validity, Score rigor, Score innovativeness,
                   Score generalizability, String nearestPriorWork, String noveltyAssessment, int rank) {

    ReviewDraft {
        id = Texts.required(id, "id");
    }

    Review review() {
        return new Review(clarity, validity, rigor, innovativeness, generalizability, nearestPriorWork,
                noveltyAssessment, rank);
    }
}
