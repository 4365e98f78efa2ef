package org.mlrcopilot.agents.experiment.tree;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a node is: being written and executed, scored by the task's evaluation, or failed. */
public enum NodeStatus {
    RUNNING,
    DONE,
    FAILED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static NodeStatus parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
