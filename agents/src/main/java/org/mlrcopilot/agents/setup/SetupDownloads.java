package org.mlrcopilot.agents.setup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mlrcopilot.agents.idea.DatasetRef;

/**
 * Where a set-up's datasets, the paper's code and the plan's models come from: downloads on the host (the sandbox
 * keeps network off), each within the byte caps of {@link SetupSettings}. Thread-safe.
 */
public interface SetupDownloads extends AutoCloseable {

    /**
     * A dataset the plan names, as files under {@code rawDir}, or an issue that says what the team can do; never
     * throws for a dataset that cannot be had.
     *
     * @param attachments the files the team posted, by name
     * @param budget      bytes left of the set-up's data cap
     */
    DatasetResolution dataset(DatasetRef ref, Map<String, Path> attachments, Path rawDir, long budget);

    /** Whether a file of that name (e.g. one the team posted) is a data file taken as a dataset. */
    boolean isData(String fileName);

    /** The first code repository among the paper's code links: owner, name and the link; empty when none. */
    Optional<String[]> codeRepository(List<String> links);

    /** Fetches and unpacks the repository into {@code target}; throws SetupException with the reason. */
    CodeRecord code(String owner, String repo, String link, Path target);

    /** The ids among the plan's models that can be fetched. */
    List<String> modelIds(List<String> models);

    /** Fetches one model under {@code dir}; a note explains a model that is not fetched. */
    Optional<ModelRecord> model(String id, Path dir, long budget, Consumer<String> notes);

    /** The directory a dataset or model id is stored in, under raw/ or models/. */
    String directoryName(String id);

    /** Releases the connections. */
    @Override
    void close();
}
