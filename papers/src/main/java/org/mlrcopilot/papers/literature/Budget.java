package org.mlrcopilot.papers.literature;

import java.time.Duration;

/** A point in (monotonic) time by which work must be done. */
final class Budget {

    private final long endNanos;

    private Budget(long endNanos) {
        this.endNanos = endNanos;
    }

    static Budget of(Duration duration) {
        return new Budget(System.nanoTime() + duration.toNanos());
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** A budget of {@code fraction} of what remains once {@code reserve} is set aside. */
    Budget slice(double fraction, Duration reserve) {
        long now = System.nanoTime();
        long available = Math.max(0, endNanos - now - reserve.toNanos());
        return new Budget(now + (long) (available * fraction));
    }
}
