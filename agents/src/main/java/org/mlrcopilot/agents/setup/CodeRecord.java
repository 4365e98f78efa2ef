package org.mlrcopilot.agents.setup;

import java.util.Objects;

/**
 * The paper's code, unpacked read-only under {@code prototype/} of the workspace.
 *
 * @param repository owner/name
 * @param link       the link found in the paper
 * @param files      files unpacked
 * @param bytes      bytes unpacked
 */
public record CodeRecord(String repository, String link, int files, long bytes) {

    public CodeRecord {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(link, "link");
    }
}
