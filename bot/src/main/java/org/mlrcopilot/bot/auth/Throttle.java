package org.mlrcopilot.bot.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Failed sign-ins per name and per address: past the limit within the window, further tries wait it out. */
final class Throttle {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    Throttle(Clock clock) {
        this.clock = clock;
    }

    void check(String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            Deque<Instant> seen = failures.get(key);
            if (seen != null) {
                synchronized (seen) {
                    seen.removeIf(t -> t.isBefore(now.minus(WINDOW)));
                    if (seen.size() >= LIMIT) {
                        throw new AuthException(
                                429, "too many failed sign-ins; try again in " + WINDOW.toMinutes() + " minutes");
                    }
                }
            }
        }
    }

    void failed(String... keys) {
        for (String key : keys) {
            Deque<Instant> seen = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (seen) {
                seen.add(clock.instant());
            }
        }
    }

    void succeeded(String key) {
        failures.remove(key);
    }
}
