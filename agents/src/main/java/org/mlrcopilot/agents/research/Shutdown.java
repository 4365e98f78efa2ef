package org.mlrcopilot.agents.research;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Set when the service stops: work interrupted by the shutdown leaves its state as it was (to be picked up after
 * the restart) instead of recording the interruption as a failure.
 */
final class Shutdown {

    private final AtomicBoolean stopping = new AtomicBoolean();

    void begin() {
        stopping.set(true);
    }

    boolean underway() {
        return stopping.get() || Thread.currentThread().isInterrupted();
    }
}
