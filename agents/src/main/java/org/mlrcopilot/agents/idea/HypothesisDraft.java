package org.mlrcopilot.agents.idea;

import java.util.List;
import java.util.Objects;

/** A hypothesis as a model writes it, before it gets an id and a version. */
record HypothesisDraft(
        String title,
        String method,
        String rationale,
        String expectedOutcome,
        List<String> risks,
        ExperimentPlan plan) {

    HypothesisDraft {
        title = Texts.required(title, "title");
        method = Texts.required(method, "method");
        rationale = Texts.required(rationale, "rationale");
        expectedOutcome = Texts.required(expectedOutcome, "expectedOutcome");
        risks = Texts.list(Objects.requireNonNullElse(risks, List.of()), "risks");
        Objects.requireNonNull(plan, "plan must not be null");
    }

    Hypothesis first(String id) {
        return new Hypothesis(id, 1, title, method, rationale, expectedOutcome, risks, plan, null, "", List.of());
    }
}
