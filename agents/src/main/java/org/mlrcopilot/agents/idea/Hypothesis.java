package org.mlrcopilot.agents.idea;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A research hypothesis with its experiment plan, one version of it.
 *
 * @param id            "H1", "H2", ... kept across versions
 * @param version       1 for the first draft, +1 per revision
 * @param review        the latest review, or null when this version has not been reviewed
 * @param changeSummary what this version changed from the previous one; "" for version 1
 * @param history       earlier versions, oldest first (without their own history)
 */
public record Hypothesis(
        String id,
        int version,
        String title,
        String method,
        String rationale,
        String expectedOutcome,
        List<String> risks,
        ExperimentPlan plan,
        Review review,
        String changeSummary,
        List<Hypothesis> history) {

    public Hypothesis {
        if (id == null || !id.matches("H[1-9][0-9]*")) {
            throw new IllegalArgumentException("a hypothesis id looks like H1, got " + id);
        }
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + version);
        }
        title = Texts.required(title, "title");
        method = Texts.required(method, "method");
        rationale = Texts.required(rationale, "rationale");
        expectedOutcome = Texts.required(expectedOutcome, "expectedOutcome");
        risks = Texts.list(risks, "risks");
        Objects.requireNonNull(plan, "plan must not be null");
        changeSummary = Objects.requireNonNull(changeSummary, "changeSummary must not be null")
                .strip();
        history = List.copyOf(history);
        checkHistory(id, version, history);
    }

    private static void checkHistory(String id, int version, List<Hypothesis> history) {
        int previous = 0;
        for (Hypothesis earlier : history) {
            if (!earlier.id.equals(id) || earlier.version <= previous || earlier.version >= version) {
                throw new IllegalArgumentException("history of " + id + " v" + version
                        + " must hold earlier versions of the same id, oldest first");
            }
            previous = earlier.version;
        }
    }

    Hypothesis withReview(Review value) {
        return new Hypothesis(
                id, version, title, method, rationale, expectedOutcome, risks, plan, value, changeSummary, history);
    }

    /** The next version from a revised draft: review cleared, this version appended to the history. */
    Hypothesis revisedTo(HypothesisDraft draft, String summary) {
        List<Hypothesis> older = new ArrayList<>(history);
        older.add(new Hypothesis(
                id, version, title, method, rationale, expectedOutcome, risks, plan, review, changeSummary, List.of()));
        return new Hypothesis(
                id,
                version + 1,
                draft.title(),
                draft.method(),
                draft.rationale(),
                draft.expectedOutcome(),
                draft.risks(),
                draft.plan(),
                null,
                Texts.required(summary, "changeSummary"),
                older);
    }
}
