package org.mlrcopilot.agents.task;

/** A workspace operation was refused (read-only file, path escaping the workspace) or failed. */
public class WorkspaceException extends RuntimeException {

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
