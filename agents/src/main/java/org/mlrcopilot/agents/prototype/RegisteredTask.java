package org.mlrcopilot.agents.prototype;

import java.util.Objects;

/** A task the bot can run experiments on, e.g. its name and research-problem text. */
public record RegisteredTask(String name, String description) {

    public RegisteredTask {
        name = Objects.requireNonNull(name, "name").strip();
        description = Objects.requireNonNullElse(description, "").strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a registered task needs a name");
        }
    }
}
