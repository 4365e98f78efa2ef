package org.mlrcopilot.agents.literature;

import java.util.Objects;

/**
 * How one source fared in a search.
 *
 * @param answered whether it gave an answer (possibly with no results)
 * @param detail   e.g. "14 results", "rate-limited (HTTP 429), fell back", "no answer within 10s"
 * @param millis   time spent on it
 */
public record SourceStatus(String source, boolean answered, String detail, long millis) {

    public SourceStatus {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a source status needs a source");
        }
        detail = Objects.requireNonNullElse(detail, "").strip();
        if (millis < 0) {
            throw new IllegalArgumentException("negative duration: " + millis);
        }
    }
}
