package org.mlrcopilot.papers.fetch;

import java.time.Duration;
import java.util.Locale;
import org.mlrcopilot.agents.fetch.FetchException;

/** Short reasons a source gave no answer ("rate-limited (HTTP 429)", "no answer within 8.0s"), for status notes. */
public final class FetchFailures {

    private FetchFailures() {}

    public static String describe(Throwable failure, Duration granted) {
        if (!(failure instanceof FetchException f)) {
            return "unreadable answer";
        }
        if (f.kind() == FetchException.Kind.RATE_LIMITED || f.status() == 429) {
            return "rate-limited (HTTP " + (f.status() == 0 ? 429 : f.status()) + ")";
        }
        return switch (f.kind()) {
            case TIMEOUT -> "no answer within " + seconds(granted);
            case HTTP_STATUS -> "HTTP " + f.status();
            case NETWORK, UNKNOWN_HOST -> "unreachable";
            case WRONG_CONTENT -> "unexpected content";
            default -> f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** "8.0s" below ten seconds, "30s" above. */
    public static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds >= 10 ? Math.round(seconds) + "s" : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
