package org.mlrcopilot.agents.setup;

/** The experiment cannot be set up; the message says why and what the team can do. Retrying alone does not help. */
public class SetupException extends RuntimeException {

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
