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

    /** Whether the database file is held by another process (H2 in a data directory one service owns). */
    public boolean inUse() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /** H2's "database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
    static final int H2_ALREADY_OPEN = 90020;
}
