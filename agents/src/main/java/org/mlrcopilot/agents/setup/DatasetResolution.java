package org.mlrcopilot.agents.setup;

/** A dataset of the plan as fetched (record) or the reason it could not be (issue): exactly one is set. */
public record DatasetResolution(DatasetRecord record, DatasetIssue issue) {

    public DatasetResolution {
        if ((record == null) == (issue == null)) {
            throw new IllegalArgumentException("exactly one of record and issue");
        }
    }
}
