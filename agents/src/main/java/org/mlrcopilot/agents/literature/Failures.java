package org.mlrcopilot.agents.literature;

import java.time.Duration;
import java.util.Locale;
import org.mlrcopilot.agents.fetch.FetchException;

/** Short descriptions of why a source gave no answer, for {@link SourceStatus#detail()}. */
final class Failures {

    private Failures() {
    }

    static String describe(RuntimeException failure, Duration granted) {
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

    static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds >= 10 ? Math.round(seconds) + "s" : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
