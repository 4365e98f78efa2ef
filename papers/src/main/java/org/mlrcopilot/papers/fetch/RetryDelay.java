package org.mlrcopilot.papers.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** How long to wait before retrying a 429/503: Retry-After when given, else exponential backoff; capped. */
final class RetryDelay {

    private RetryDelay() {}

    /** @param retry 0 for the first retry */
    static Duration next(int retry, String retryAfter, Duration initial, Duration max, Instant now) {
        Duration wanted = retryAfter(retryAfter, now).orElseGet(() -> backoff(retry, initial));
        return wanted.compareTo(max) > 0 ? max : wanted;
    }

    static Duration backoff(int retry, Duration initial) {
        int doublings = Math.min(Math.max(retry, 0), 30);
        try {
            return initial.multipliedBy(1L << doublings);
        } catch (ArithmeticException e) {
            return Duration.ofSeconds(Long.MAX_VALUE);
        }
    }

    /** Retry-After as delay-seconds or as an HTTP date; empty if absent or unreadable. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("\\d{1,12}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(now, at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
