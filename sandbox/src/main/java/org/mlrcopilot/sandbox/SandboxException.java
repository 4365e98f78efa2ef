package org.mlrcopilot.sandbox;

/** The sandbox could not run the code at all. {@link #retryable()} says whether trying again may help. */
public class SandboxException extends RuntimeException {

    private final boolean retryable;

    public SandboxException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public SandboxException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
