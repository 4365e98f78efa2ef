package org.mlrcopilot.agents.experiment;

/** An action cannot be performed as asked; its message becomes the observation. */
final class ActionException extends RuntimeException {

    ActionException(String message) {
        super(message);
    }
}
