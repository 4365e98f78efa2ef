package org.mlrcopilot.agents.research;

/** One person's vote on a hypothesis: +1, -1, or 0 to take it back. A new vote replaces the voter's last one. */
public record Vote(String researchId, String hypothesisId, String voter, int value) {

    public Vote {
        Ids.require(researchId, "researchId");
        Ids.require(hypothesisId, "hypothesisId");
        Ids.require(voter, "voter");
        if (value < -1 || value > 1) {
            throw new IllegalArgumentException("a vote is -1, 0 or +1: " + value);
        }
    }
}
