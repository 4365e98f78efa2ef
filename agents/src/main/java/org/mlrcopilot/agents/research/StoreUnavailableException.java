package org.mlrcopilot.agents.research;

import java.io.IOException;
import java.util.Optional;

/**
 * The durable state cannot take a write now (a full disk, a closed database): what was asked is not saved, and must
 * not be acknowledged; asking again later may succeed.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Why {@code failure} means nothing can be saved now, or empty when it is some other failure: this exception
     * anywhere in its causes, or a file system out of space or quota. (The store names its database's own outage
     * errors; a write probe, {@link ResearchStore#writeProblem()}, tells the rest.)
     */
    public static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException) {
                return Optional.of(t.getMessage());
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String m = t.getMessage();
                if (m.contains("No space left") || m.contains("Disk quota exceeded")) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }
}
