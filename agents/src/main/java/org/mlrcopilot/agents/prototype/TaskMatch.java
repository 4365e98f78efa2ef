package org.mlrcopilot.agents.prototype;

import java.util.Objects;

/** A registered task ranked by the similarity of its description to the plan (cosine, -1..1). */
public record TaskMatch(String name, double score) {

    public TaskMatch {
        name = Objects.requireNonNull(name, "name").strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a task match needs a name");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite");
        }
    }
}
