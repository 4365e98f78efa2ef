package org.mlrcopilot.bot.store;

/**
 * The store cannot be opened or used as asked: the database is unreachable, refuses the sign-in, or holds what it
 * should not. The message is written for the person running the service and never carries a password.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
