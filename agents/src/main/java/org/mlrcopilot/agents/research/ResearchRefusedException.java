package org.mlrcopilot.agents.research;

/** A request the service will not carry out (not allowed, unknown id, wrong state); the message says why. */
public final class ResearchRefusedException extends RuntimeException {

    public ResearchRefusedException(String message) {
        super(message);
    }
}
