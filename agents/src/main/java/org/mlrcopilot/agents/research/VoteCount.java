package org.mlrcopilot.agents.research;

/** Votes on a hypothesis. */
public record VoteCount(int up, int down) {

    public static final VoteCount NONE = new VoteCount(0, 0);

    public VoteCount {
        if (up < 0 || down < 0) {
            throw new IllegalArgumentException("vote counts must be >= 0: " + up + "/" + down);
        }
    }
}
