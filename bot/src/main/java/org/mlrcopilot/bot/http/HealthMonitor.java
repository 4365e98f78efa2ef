package org.mlrcopilot.bot.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The service's health, checked on a thread of its own every {@link #PERIOD} and kept, so that {@code /healthz}
 * answers at once from the last result however slow a component is or however busy the server: a result older than
 * {@link #STALE} (the checks themselves hang) is reported as failing.
 */
public final class HealthMonitor implements Supplier<Map<String, Object>>, AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(2);
    static final Duration STALE = Duration.ofSeconds(6);

    private final Supplier<Map<String, Object>> checks;
    private final Clock clock;
    private final Duration stale;
    private final ScheduledExecutorService thread;
    private volatile Map<String, Object> last = Map.of("status", "starting");
    private volatile Instant at;

    /** Runs {@code checks} now and then every {@link #PERIOD} on its own thread. */
    public static HealthMonitor start(Supplier<Map<String, Object>> checks) {
        return new HealthMonitor(checks, Clock.systemUTC(), PERIOD, STALE);
    }

    HealthMonitor(Supplier<Map<String, Object>> checks, Clock clock, Duration period, Duration stale) {
        this.checks = Objects.requireNonNull(checks, "checks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stale = Objects.requireNonNull(stale, "stale");
        this.at = clock.instant();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "health-monitor");
            t.setDaemon(true);
            return t;
        });
        check(); // the first result before anyone asks (each check has its own deadline)
        thread.scheduleWithFixedDelay(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        Map<String, Object> result;
        try {
            result = checks.get();
        } catch (RuntimeException | Error e) { // a round that throws is a failing round, and the next one still runs
            result = Map.of(
                    "status",
                    "failing",
                    "failing",
                    Map.of("health", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        last = result;
        at = clock.instant();
    }

    /** The last result, at once; failing when the checks have not finished for longer than the stale limit. */
    @Override
    public Map<String, Object> get() {
        Map<String, Object> result = last;
        Duration age = Duration.between(at, clock.instant());
        if (age.compareTo(stale) <= 0) {
            return result;
        }
        Map<String, Object> out = new LinkedHashMap<>(result);
        out.put("status", "failing");
        Map<String, Object> failing = new LinkedHashMap<>();
        if (result.get("failing") instanceof Map<?, ?> before) {
            before.forEach((k, v) -> failing.put(String.valueOf(k), v));
        }
        failing.put("health", "the checks have not finished for " + age.toSeconds() + " s");
        out.put("failing", failing);
        return out;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
