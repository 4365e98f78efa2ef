package org.mlrcopilot.papers.fetch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.mlrcopilot.agents.fetch.FetchException;

/** The end of the whole-call budget of one fetch, shared by its redirects, retries and waits. */
final class Deadline {

    private final Duration total;
    private final long endNanos;

    private Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    static Deadline after(Duration total) {
        if (total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException("the fetch deadline must be positive");
        }
        return new Deadline(total);
    }

    Duration total() {
        return total;
    }

    Duration remaining() {
        return Duration.ofNanos(endNanos - System.nanoTime());
    }

    boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    boolean allows(Duration wait) {
        return wait.compareTo(remaining()) < 0;
    }

    /** Sleeps, turning an interrupt into a failed fetch (with the interrupt flag restored). */
    static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.NETWORK, 0, "the fetch was interrupted", e);
        }
    }
}
