package org.mlrcopilot.agents.usage;

/** US dollars per million tokens. */
public record Price(double inputPerMillion, double outputPerMillion, double cachedInputPerMillion) {

    public Price {
        if (inputPerMillion < 0 || outputPerMillion < 0 || cachedInputPerMillion < 0) {
            throw new IllegalArgumentException("prices cannot be negative");
        }
    }

    public static final Price FREE = new Price(0, 0, 0);

    /** Cost of one call; cached input tokens are part of the input tokens and billed at the cached rate. */
    public double cost(long inputTokens, long outputTokens, long cachedTokens) {
        long fresh = Math.max(0, inputTokens - cachedTokens);
        return (fresh * inputPerMillion + cachedTokens * cachedInputPerMillion + outputTokens * outputPerMillion) / 1e6;
    }
}
