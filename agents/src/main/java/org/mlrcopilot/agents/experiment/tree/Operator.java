package org.mlrcopilot.agents.experiment.tree;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a node was made from its parent: each is one model call answering with whole files. */
public enum Operator {
    /** A new solution from the plan and the task, on the starter code. */
    DRAFT,
    /** One change to a working node, given its code and score. */
    IMPROVE,
    /** A fix of a failed node, given its code and error output. */
    DEBUG;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Operator parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
