package org.mlrcopilot.agents.prototype;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlrcopilot.agents.fetch.FetchException;

/** Short, user-fit notes on look-ups that gave nothing. */
final class Notes {

    static final String HUB = "Hugging Face Hub";

    private Notes() {
    }

    /** What was looked up and why it gave nothing. */
    record Failure(String what, String why) {
    }

    static String describe(Throwable failure, Duration granted) {
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

    /** One note per reason: "Hugging Face Hub model search for "a", dataset search for "b": HTTP 500". */
    static List<String> group(List<Failure> failures) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        failures.forEach(f -> byReason.computeIfAbsent(f.why(), r -> new ArrayList<>()).add(f.what()));
        List<String> notes = new ArrayList<>();
        byReason.forEach((reason, what) -> notes.add(HUB + " " + String.join(", ", what) + ": " + reason));
        return notes;
    }

    static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds >= 10 ? Math.round(seconds) + "s" : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
