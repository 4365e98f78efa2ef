package org.mlrcopilot.bot.store;

import org.jdbi.v3.core.Jdbi;
import org.mlrcopilot.agents.research.StoreUnavailableException;
import org.slf4j.LoggerFactory;

/**
 * Durability on H2: a {@code CHECKPOINT} writes what was committed to the database file. {@link #sync()} is a group
 * commit: the caller waits until a checkpoint that started after its writes has written them; one checkpoint serves
 * every caller that arrived while the previous one ran, so under load the inbound path pays about one checkpoint,
 * not one per event.
 */
final class H2GroupCommit implements Durability {

    private final Jdbi jdbi;
    /** How many syncs were asked for, how many the last checkpoint covered. */
    private final Object flushLock = new Object();

    private long asked;
    private long flushed;
    private boolean closed;
    /** The syncs a failed checkpoint covered, and why it failed: those callers are told, never acknowledged. */
    private long failedFrom = 1;

    private long failedThrough;
    private RuntimeException failure;

    H2GroupCommit(Jdbi jdbi) {
        this.jdbi = jdbi;
        Thread flusher = new Thread(this::flushLoop, "mlr-store-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    @Override
    public void now() {
        jdbi.useHandle(h -> h.execute("CHECKPOINT"));
    }

    /**
     * Waits at most two seconds (then H2's own write delay, half a second, still writes it); throws
     * StoreUnavailableException when the checkpoint that covered this caller failed.
     */
    @Override
    public void sync() {
        long mine;
        synchronized (flushLock) {
            mine = ++asked;
            flushLock.notifyAll();
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (flushed < mine && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    flushLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (mine >= failedFrom && mine <= failedThrough) {
                throw new StoreUnavailableException(
                        "cannot write to the database file: " + failure.getMessage(), failure);
            }
        }
    }

    private void flushLoop() {
        while (true) {
            long target;
            long from;
            synchronized (flushLock) {
                while (asked == flushed && !closed) {
                    try {
                        flushLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                target = asked;
                from = flushed + 1;
            }
            RuntimeException failed = null;
            try {
                now();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger("mlr.store").warn("checkpoint failed: " + e.getMessage());
                failed = e;
            }
            synchronized (flushLock) {
                if (failed != null) {
                    failedFrom = from;
                    failedThrough = target;
                    failure = failed;
                }
                flushed = target;
                flushLock.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        synchronized (flushLock) {
            closed = true;
            flushLock.notifyAll();
        }
    }
}
