package org.mlrcopilot.agents.research;

/**
 * The durable state cannot take a write now (a full disk, a closed database): what was asked is not saved, and must
 * not be acknowledged; asking again later may succeed.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
