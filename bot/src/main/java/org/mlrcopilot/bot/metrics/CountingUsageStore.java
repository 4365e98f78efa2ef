package org.mlrcopilot.bot.metrics;

import java.time.LocalDate;
import java.util.List;
import org.mlrcopilot.agents.usage.Usage;
import org.mlrcopilot.agents.usage.UsageStore;
import org.mlrcopilot.agents.usage.UsageTotals;

/** A usage store that also counts every model call, its tokens and cost in the service metrics. */
public final class CountingUsageStore implements UsageStore {

    private final UsageStore inner;
    private final ServiceMetrics metrics;

    public CountingUsageStore(UsageStore inner, ServiceMetrics metrics) {
        this.inner = inner;
        this.metrics = metrics;
    }

    @Override
    public void record(Usage usage) {
        inner.record(usage);
        metrics.llm(usage);
    }

    @Override
    public UsageTotals forResearch(String researchId) {
        return inner.forResearch(researchId);
    }

    @Override
    public UsageTotals forTeamOn(String team, LocalDate day) {
        return inner.forTeamOn(team, day);
    }

    @Override
    public List<Usage> ofResearch(String researchId) {
        return inner.ofResearch(researchId);
    }
}
