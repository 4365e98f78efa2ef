package org.mlrcopilot.agents.research;

/**
 * One person's vote on one version of a hypothesis: +1, -1, or 0 to take it back. A new vote replaces the voter's
 * last one on that version; votes on v1 stay with v1 when v2 is drafted.
 */
public record Vote(String researchId, String hypothesisId, int version, String voter, int value) {

    public Vote {
        ResearchIds.require(researchId, "researchId");
        ResearchIds.require(hypothesisId, "hypothesisId");
        ResearchIds.require(voter, "voter");
        if (version < 1) {
            throw new IllegalArgumentException("a hypothesis version is 1 or more: " + version);
        }
        if (value < -1 || value > 1) {
            throw new IllegalArgumentException("a vote is -1, 0 or +1: " + value);
        }
    }
}
