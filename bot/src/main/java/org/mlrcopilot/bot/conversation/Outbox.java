package org.mlrcopilot.bot.conversation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlrcopilot.agents.concurrent.Lanes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound chat calls, in order per research (a rate-limited platform call never reorders a thread) and off the
 * inbound path. Status edits are coalesced: at most one per interval per research, always ending on the latest.
 */
final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("mlr.conversation");

    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final long intervalMs;
    private final Lanes lanes;
    private final Map<String, Runnable> pendingStatus = new ConcurrentHashMap<>();
    private final Map<String, Long> lastStatus = new ConcurrentHashMap<>();

    Outbox(int threads, Duration statusInterval) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "mlr-outbox-" + n.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "mlr-outbox-timer"));
        this.intervalMs = statusInterval.toMillis();
        this.lanes = new Lanes(pool, (lane, e) -> LOG.warn("chat call failed: " + e.getMessage(), e));
    }

    /** Runs {@code call} after every call queued before for the same research. */
    void send(String researchId, Runnable call) {
        lanes.submit(researchId, call);
    }

    /** Queues a status edit; edits arriving within the interval collapse into the latest one. */
    void status(String researchId, Runnable edit) {
        edit(researchId, "status", edit);
    }

    /**
     * Queues an edit of one message ({@code key} within the research); edits of the same message arriving within
     * the interval collapse into the latest one, which still goes out in the research's order.
     */
    void edit(String researchId, String key, Runnable edit) {
        String slot = researchId + "\n" + key;
        if (pendingStatus.put(slot, edit) != null) {
            return;
        }
        long wait = lastStatus.getOrDefault(slot, 0L) + intervalMs - System.currentTimeMillis();
        timer.schedule(() -> send(researchId, () -> flush(slot)), Math.max(0, wait), TimeUnit.MILLISECONDS);
    }

    /** Completes when everything queued so far for the research was sent. */
    CompletableFuture<Void> idle(String researchId) {
        return lanes.idle(researchId);
    }

    private void flush(String slot) {
        Runnable latest = pendingStatus.remove(slot);
        if (latest != null) {
            lastStatus.put(slot, System.currentTimeMillis());
            latest.run();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
