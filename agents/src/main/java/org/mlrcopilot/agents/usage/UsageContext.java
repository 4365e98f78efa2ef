package org.mlrcopilot.agents.usage;

import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * What metering needs besides the model: whose calls these are, where usage goes, prices,
 * limits, the clock, and how to read cached-token counts from a provider's usage object.
 */
public record UsageContext(
        String researchId,
        String team,
        UsageStore store,
        PriceTable prices,
        Budget budget,
        Clock clock,
        ToLongFunction<TokenUsage> cachedTokens) {

    public UsageContext {
        Objects.requireNonNull(researchId, "researchId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(clock, "clock");
        cachedTokens = cachedTokens == null ? usage -> 0L : cachedTokens;
    }

    public UsageContext forResearch(String id) {
        return new UsageContext(id, team, store, prices, budget, clock, cachedTokens);
    }
}
