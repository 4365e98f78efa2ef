package org.mlrcopilot.agents.setup;

import java.util.List;
import java.util.Objects;

/**
 * A model's files from the Hugging Face Hub, read-only under {@code models/} of the workspace.
 *
 * @param id       the Hub id
 * @param revision the commit fetched
 * @param files    files under models/, relative to it
 * @param bytes    bytes fetched
 * @param license  from the model card, or "unknown"
 * @param link     the model's page
 */
public record ModelRecord(String id, String revision, List<String> files, long bytes, String license, String link) {

    public ModelRecord {
        Objects.requireNonNull(id, "id");
        revision = Objects.requireNonNullElse(revision, "");
        files = List.copyOf(files);
        license = license == null || license.isBlank() ? "unknown" : license;
        link = Objects.requireNonNullElse(link, "");
    }
}
