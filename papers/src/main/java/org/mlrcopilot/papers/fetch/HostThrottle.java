package org.mlrcopilot.papers.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.mlrcopilot.agents.fetch.FetchException;

/** Keeps request starts to one host at least the policy's interval apart, across threads. */
final class HostThrottle {

    private static final int PRUNE_ABOVE = 1024;

    private final FetchPolicy policy;
    private final Map<String, Long> nextSlot = new HashMap<>();

    HostThrottle(FetchPolicy policy) {
        this.policy = policy;
    }

    /** Waits for this host's next free slot; refuses if that slot lies beyond the deadline. */
    void await(String host, Deadline deadline) {
        String key = host.toLowerCase(Locale.ROOT);
        Duration interval = intervalFor(key);
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        long wait = reserve(key, interval.toNanos(), deadline.remaining().toNanos());
        if (wait < 0) {
            throw new FetchException(
                    FetchException.Kind.TIMEOUT,
                    "waiting for our turn to contact " + host + " (at most one request every " + interval.toMillis()
                            + " ms) would exceed the time limit");
        }
        Deadline.sleep(Duration.ofNanos(wait));
    }

    Duration intervalFor(String host) {
        return policy.minIntervalPerHost().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(host))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(policy.defaultMinInterval());
    }

    /** The wait before this caller's slot, or -1 (nothing reserved) when it exceeds the budget. */
    private synchronized long reserve(String key, long interval, long budget) {
        long now = System.nanoTime();
        Long next = nextSlot.get(key);
        long start = next == null || next - now < 0 ? now : next;
        if (start - now >= budget) {
            return -1;
        }
        nextSlot.put(key, start + interval);
        if (nextSlot.size() > PRUNE_ABOVE) {
            nextSlot.values().removeIf(slot -> slot - now < 0);
        }
        return start - now;
    }
}
