package org.mlrcopilot.agents.idea;

/** A review score from 1 (poor) to 5 (excellent) with a one-line reason. */
public record ReviewScore(int score, String reason) {

    public ReviewScore {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be an integer from 1 to 5, got " + score);
        }
        reason = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
    }
}
