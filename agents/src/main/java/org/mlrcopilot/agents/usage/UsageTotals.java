package org.mlrcopilot.agents.usage;

/** Sums over calls. */
public record UsageTotals(long calls, long inputTokens, long outputTokens, long cachedTokens, double costUsd) {

    public static final UsageTotals ZERO = new UsageTotals(0, 0, 0, 0, 0);

    public UsageTotals plus(Usage u) {
        return new UsageTotals(
                calls + 1,
                inputTokens + u.inputTokens(),
                outputTokens + u.outputTokens(),
                cachedTokens + u.cachedTokens(),
                costUsd + u.costUsd());
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }
}
