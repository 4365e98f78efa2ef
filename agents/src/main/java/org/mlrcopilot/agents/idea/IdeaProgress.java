package org.mlrcopilot.agents.idea;

/** Hears what the idea stage is doing, one short message per step, e.g. to post it in a chat. */
@FunctionalInterface
public interface IdeaProgress {

    void step(String message);

    static IdeaProgress silent() {
        return message -> {};
    }
}
