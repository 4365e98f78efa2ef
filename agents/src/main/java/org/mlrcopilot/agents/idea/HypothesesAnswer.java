package org.mlrcopilot.agents.idea;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The hypotheses step's answer. */
record HypothesesAnswer(List<HypothesisDraft> hypotheses) {

    HypothesesAnswer {
        hypotheses = List.copyOf(hypotheses);
    }

    /** The first {@code n} hypotheses (a model that writes more is cut, not asked again). */
    HypothesesAnswer atMost(int n) {
        return hypotheses.size() <= n ? this : new HypothesesAnswer(hypotheses.subList(0, n));
    }

    /** What can be kept when the checks still fail: the hypotheses with distinct titles, at least one. */
    HypothesesAnswer distinct() {
        Set<String> titles = new HashSet<>();
        List<HypothesisDraft> kept = hypotheses.stream()
                .filter(h -> titles.add(Texts.normalized(h.title())))
                .toList();
        if (kept.isEmpty()) {
            throw new InvalidAnswer("no hypothesis");
        }
        return new HypothesesAnswer(kept);
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
