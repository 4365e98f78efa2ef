package org.mlrcopilot.agents.setup;

import java.util.Objects;

/** A dataset of the plan that could not be fetched: which, why, and what the team can do. */
public record DatasetIssue(String name, String reason, String whatToDo) {

    public DatasetIssue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(whatToDo, "whatToDo");
    }

    public String describe() {
        return name + ": " + reason + " (" + whatToDo + ")";
    }
}
