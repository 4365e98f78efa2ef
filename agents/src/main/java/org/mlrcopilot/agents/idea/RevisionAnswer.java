package org.mlrcopilot.agents.idea;

import java.util.Objects;

/** The revise step's answer: the revised hypothesis and what changed. */
record RevisionAnswer(String changeSummary, HypothesisDraft hypothesis) {

    RevisionAnswer {
        changeSummary = Texts.required(changeSummary, "changeSummary");
        Objects.requireNonNull(hypothesis, "hypothesis must not be null");
    }
}
