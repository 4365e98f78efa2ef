package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mlrcopilot.bot.store.Fixtures.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mlrcopilot.agents.usage.Usage;
import org.mlrcopilot.agents.usage.UsageTotals;

class StoreUsageStoreTest {

    /** The last microsecond of the day: times are kept to the microsecond, PostgreSQL's precision. */
    private static final Instant DAY1_LATE = Instant.parse("2025-03-01T23:59:59.999999Z");

    private static final Instant DAY2_START = Instant.parse("2025-03-02T00:00:00Z");

    @OnEveryDatabase
    void recordedCallsComeBackInOrderWithEveryField(TestStores stores) {
        try (Store store = stores.open()) {
            Usage first = usage("r1", "team-a", 100, 0.25, DAY1_LATE);
            Usage second = usage("r1", "team-a", 50, 0.5, DAY2_START);
            store.usage().record(first);
            store.usage().record(second);
            store.usage().record(usage("r2", "team-a", 7, 0.1, DAY2_START));
            assertThat(store.usage().ofResearch("r1")).containsExactly(first, second);
            assertThat(store.usage().ofResearch("unknown")).isEmpty();
        }
    }

    @OnEveryDatabase
    void totalsPerResearch(TestStores stores) {
        try (Store store = stores.open()) {
            store.usage().record(usage("r1", "team-a", 100, 0.25, DAY1_LATE));
            store.usage().record(usage("r1", "team-b", 50, 0.5, DAY2_START));
            store.usage().record(usage("r2", "team-a", 7, 0.1, DAY2_START));
            UsageTotals r1 = store.usage().forResearch("r1");
            assertThat(r1.calls()).isEqualTo(2);
            assertThat(r1.inputTokens()).isEqualTo(150);
            assertThat(r1.outputTokens()).isEqualTo(20);
            assertThat(r1.cachedTokens()).isEqualTo(4);
            assertThat(r1.costUsd()).isCloseTo(0.75, within(1e-9));
            assertThat(store.usage().forResearch("none")).isEqualTo(UsageTotals.ZERO);
        }
    }

    @OnEveryDatabase
    void totalsPerTeamAndUtcDay(TestStores stores) {
        try (Store store = stores.open()) {
            store.usage().record(usage("r1", "team-a", 100, 0.25, Instant.parse("2025-03-01T00:00:00Z")));
            store.usage().record(usage("r2", "team-a", 10, 0.5, DAY1_LATE));
            store.usage().record(usage("r1", "team-a", 1, 1.0, DAY2_START));
            store.usage().record(usage("r3", "team-b", 1000, 9.0, DAY1_LATE));
            UsageTotals day1 = store.usage().forTeamOn("team-a", LocalDate.of(2025, 3, 1));
            UsageTotals day2 = store.usage().forTeamOn("team-a", LocalDate.of(2025, 3, 2));
            assertThat(List.of(day1.calls(), day1.inputTokens())).containsExactly(2L, 110L);
            assertThat(day1.costUsd()).isCloseTo(0.75, within(1e-9));
            assertThat(List.of(day2.calls(), day2.inputTokens())).containsExactly(1L, 1L);
            assertThat(store.usage().forTeamOn("team-a", LocalDate.of(2025, 3, 3)))
                    .isEqualTo(UsageTotals.ZERO);
        }
    }

    @OnEveryDatabase
    void aTimeIsKeptToTheMicrosecondAndStaysOnItsDay(TestStores stores) {
        try (Store store = stores.open()) {
            store.usage().record(usage("r1", "team-a", 100, 0.25, Instant.parse("2025-03-01T23:59:59.999999999Z")));
            assertThat(store.usage().ofResearch("r1"))
                    .singleElement()
                    .extracting(Usage::at)
                    .isEqualTo(DAY1_LATE);
            assertThat(store.usage()
                            .forTeamOn("team-a", LocalDate.of(2025, 3, 1))
                            .calls())
                    .isEqualTo(1);
            assertThat(store.usage()
                            .forTeamOn("team-a", LocalDate.of(2025, 3, 2))
                            .calls())
                    .isZero();
        }
    }

    @OnEveryDatabase
    void survivesARestart(TestStores stores) {
        Usage call = usage("r1", "team-a", 100, 0.25, DAY1_LATE);
        try (Store store = stores.open()) {
            store.usage().record(call);
        }
        try (Store store = stores.open()) {
            assertThat(store.usage().ofResearch("r1")).containsExactly(call);
            assertThat(store.usage()
                            .forTeamOn("team-a", LocalDate.of(2025, 3, 1))
                            .calls())
                    .isEqualTo(1);
        }
    }
}
