package org.mlrcopilot.agents.setup;

import java.nio.file.Path;
import java.util.Optional;

/** Converts a Parquet file the sandbox image cannot read to CSV on the host, sampled to a row budget. */
public interface TableConverter {

    /** The CSV written next to {@code parquet}, and a note when rows were sampled; empty when it cannot convert. */
    Optional<Converted> toCsv(Path parquet, int maxRows);

    /** No converter: Parquet files stay as they are, with a note. */
    static TableConverter none() {
        return (parquet, maxRows) -> Optional.empty();
    }

    record Converted(Path csv, Optional<String> note) {}
}
