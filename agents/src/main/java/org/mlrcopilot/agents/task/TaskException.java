package org.mlrcopilot.agents.task;

/** A task is malformed, or preparing, running or scoring it failed. */
public class TaskException extends RuntimeException {

    public TaskException(String message) {
        super(message);
    }

    public TaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
