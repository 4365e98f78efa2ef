package org.mlrcopilot.agents.idea;

/** A model's answer did not parse or broke a rule; the message tells the model what to fix. */
final class InvalidAnswer extends RuntimeException {

    InvalidAnswer(String problem) {
        super(problem);
    }
}
