package org.mlrcopilot.agents.research;

import java.util.Objects;
import org.mlrcopilot.agents.idea.Hypothesis;

/**
 * One version of a hypothesis of a research, with its place in the ranking and what the team did with it.
 * The store keeps every version; {@link ResearchStore#hypotheses} answers the latest of each id.
 *
 * @param position 0-based rank when the hypotheses were proposed (best first)
 */
public record StoredHypothesis(String researchId, int position, Hypothesis hypothesis, HypothesisState state) {

    public StoredHypothesis {
        ResearchIds.require(researchId, "researchId");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0: " + position);
        }
        Objects.requireNonNull(hypothesis, "hypothesis");
        Objects.requireNonNull(state, "state");
    }

    public String id() {
        return hypothesis.id();
    }

    public StoredHypothesis in(HypothesisState next) {
        return new StoredHypothesis(researchId, position, hypothesis, next);
    }
}
