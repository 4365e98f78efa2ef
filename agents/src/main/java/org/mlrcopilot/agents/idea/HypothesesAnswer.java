package org.mlrcopilot.agents.idea;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The hypotheses step's answer. */
record HypothesesAnswer(List<HypothesisDraft> hypotheses) {

    HypothesesAnswer {
        hypotheses = List.copyOf(hypotheses);
    }

    /** Fails unless there are exactly {@code n} hypotheses with distinct titles. */
    void check(int n) {
        if (hypotheses.size() != n) {
            throw new InvalidAnswer("expected exactly " + n + " hypotheses but got " + hypotheses.size());
        }
        Set<String> titles = new HashSet<>();
        for (HypothesisDraft draft : hypotheses) {
            if (!titles.add(Texts.normalized(draft.title()))) {
                throw new InvalidAnswer("two hypotheses share the title \"" + draft.title()
                        + "\"; every hypothesis needs a distinct title and idea");
            }
        }
    }
}
