package org.mlrcopilot.agents.setup;

/** Hears the set-up's progress, to show the team. */
public interface SetupListener {

    /** The set-up agent took a step: its tool and the file or script it acted on. */
    default void step(int step, String tool, String target) {}

    /** Datasets and code are being fetched, or another phase started. */
    default void phase(String text) {}

    static SetupListener ignore() {
        return new SetupListener() {};
    }
}
