package org.mlrcopilot.agents.research;

/** What the team did with a hypothesis version; SUPERSEDED: a refined version came after it. */
public enum HypothesisState {
    PROPOSED,
    REFINING,
    DISCARDED,
    APPROVED,
    SUPERSEDED
}
