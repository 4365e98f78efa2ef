package org.mlrcopilot.papers.literature;

import java.time.Duration;

/** A point in (monotonic) time by which work must be done. */
final class SearchDeadline {

    private final long endNanos;

    private SearchDeadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static SearchDeadline of(Duration duration) {
        return new SearchDeadline(System.nanoTime() + duration.toNanos());
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** A budget of {@code fraction} of what remains once {@code reserve} is set aside. */
    SearchDeadline slice(double fraction, Duration reserve) {
        long now = System.nanoTime();
        long available = Math.max(0, endNanos - now - reserve.toNanos());
        return new SearchDeadline(now + (long) (available * fraction));
    }
}
