package org.mlrcopilot.agents.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One LLM call: who it was for, which model actually answered, what it cost.
 *
 * @param role    "main" (reasoning) or "fast" (summaries)
 * @param model   the model the provider reports having served (may differ from the one asked for)
 * @param outcome "ok", or the kind of failure (e.g. "rate-limited", "timeout", "malformed-output")
 */
public record Usage(
        String researchId,
        String team,
        String role,
        String model,
        long inputTokens,
        long outputTokens,
        long cachedTokens,
        Duration latency,
        String outcome,
        double costUsd,
        Instant at) {

    public Usage {
        Objects.requireNonNull(researchId, "researchId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(role, "role");
        model = Objects.requireNonNullElse(model, "");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        if (inputTokens < 0 || outputTokens < 0 || cachedTokens < 0 || costUsd < 0) {
            throw new IllegalArgumentException("usage counts cannot be negative");
        }
    }
}
