package org.mlrcopilot.agents.research;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.mlrcopilot.agents.usage.UsageStore;

/** Per-person limits, checked before new work starts: researches started per hour, model spending per day. */
final class PersonLimits {

    private static final int LOOK_BACK = 1_000;

    private final ResearchStore store;
    private final UsageStore usage;
    private final ResearchSettings settings;
    private final Clock clock;

    PersonLimits(ResearchStore store, UsageStore usage, ResearchSettings settings, Clock clock) {
        this.store = store;
        this.usage = usage;
        this.settings = settings;
        this.clock = clock;
    }

    /** Before a new research of {@code person}. */
    void checkStart(String person) {
        List<Research> mine = mine(person);
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        long lastHour =
                mine.stream().filter(r -> r.createdAt().isAfter(hourAgo)).count();
        if (lastHour >= settings.researchesPerHour()) {
            throw new ResearchRefusedException(person + " started " + lastHour + " researches in the last hour, "
                    + "the limit (budget.researchesPerHour); try again later");
        }
        checkSpending(person, mine);
    }

    /** Before new model work for {@code person}'s research (a run). */
    void checkSpending(String person) {
        checkSpending(person, mine(person));
    }

    private void checkSpending(String person, List<Research> mine) {
        double spent = spentToday(mine);
        if (spent >= settings.perPersonUsd()) {
            throw new ResearchRefusedException(String.format(
                    Locale.ROOT,
                    "the researches %s started spent $%.2f "
                            + "today, the limit per person (budget.perPersonUsd is $%.2f); it resets at 00:00 UTC",
                    person,
                    spent,
                    settings.perPersonUsd()));
        }
    }

    private double spentToday(List<Research> mine) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return mine.stream()
                .flatMap(r -> usage.ofResearch(r.id()).stream())
                .filter(u -> LocalDate.ofInstant(u.at(), ZoneOffset.UTC).equals(today))
                .mapToDouble(u -> u.costUsd())
                .sum();
    }

    private List<Research> mine(String person) {
        return store.recent(LOOK_BACK).stream()
                .filter(r -> r.requester().equals(person))
                .toList();
    }
}
