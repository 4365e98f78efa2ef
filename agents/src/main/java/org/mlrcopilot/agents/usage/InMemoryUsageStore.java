package org.mlrcopilot.agents.usage;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link UsageStore} in memory, for the command line and tests. */
public final class InMemoryUsageStore implements UsageStore {

    private final List<Usage> calls = new CopyOnWriteArrayList<>();

    @Override
    public void record(Usage usage) {
        calls.add(usage);
    }

    @Override
    public UsageTotals forResearch(String researchId) {
        return calls.stream()
                .filter(u -> u.researchId().equals(researchId))
                .reduce(UsageTotals.ZERO, UsageTotals::plus, (a, b) -> a);
    }

    @Override
    public UsageTotals forTeamOn(String team, LocalDate day) {
        return calls.stream()
                .filter(u -> u.team().equals(team))
                .filter(u -> u.at().atOffset(ZoneOffset.UTC).toLocalDate().equals(day))
                .reduce(UsageTotals.ZERO, UsageTotals::plus, (a, b) -> a);
    }

    @Override
    public List<Usage> ofResearch(String researchId) {
        return calls.stream().filter(u -> u.researchId().equals(researchId)).toList();
    }
}
