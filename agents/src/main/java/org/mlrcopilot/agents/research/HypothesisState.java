package org.mlrcopilot.agents.research;

/** What the team did with a hypothesis. */
public enum HypothesisState {
    PROPOSED, REFINING, DISCARDED, APPROVED
}
