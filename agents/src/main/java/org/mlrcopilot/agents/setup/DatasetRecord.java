package org.mlrcopilot.agents.setup;

import java.util.List;
import java.util.Objects;

/**
 * A dataset fetched (or found bundled) for an experiment, as recorded for the team.
 *
 * @param id       e.g. "imdb-mini/reviews" on the Hub, "sklearn:load_digits", the URL or the file's name
 * @param name     the name the plan gave it
 * @param source   huggingface, scikit-learn, url or file
 * @param revision the Hub commit fetched, "" where there is none
 * @param files    the files under raw/ of the set-up, as fetched (after sampling)
 * @param bytes    bytes fetched
 * @param license  from the dataset card, or "unknown"
 * @param link     where a person can look at it
 * @param note     sampling or other remarks, "" for none
 */
public record DatasetRecord(
        String id,
        String name,
        String source,
        String revision,
        List<String> files,
        long bytes,
        String license,
        String link,
        String note) {

    public DatasetRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        revision = Objects.requireNonNullElse(revision, "");
        files = List.copyOf(files);
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0");
        }
        license = license == null || license.isBlank() ? "unknown" : license.strip();
        link = Objects.requireNonNullElse(link, "");
        note = Objects.requireNonNullElse(note, "");
    }
}
