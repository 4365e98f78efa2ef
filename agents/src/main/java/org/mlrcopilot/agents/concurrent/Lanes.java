package org.mlrcopilot.agents.concurrent;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;

/**
 * Work for one research runs in order, one task at a time, on a shared bounded pool; different researches run in
 * parallel. A failing task is reported and does not stop the lane, whatever it throws (an Error included: a
 * StackOverflowError from a hostile document must not leave the research without a worker).
 */
public final class Lanes {

    private final ExecutorService pool;
    private final BiConsumer<String, RuntimeException> onError;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** {@code onError} gets the lane and what its task threw. */
    public Lanes(ExecutorService pool, BiConsumer<String, RuntimeException> onError) {
        this.pool = pool;
        this.onError = onError;
    }

    public void submit(String lane, Runnable task) {
        tails.compute(lane, (key, tail) -> {
            CompletableFuture<Void> before = tail == null ? CompletableFuture.completedFuture(null) : tail;
            return before.handle((done, failed) -> null).thenRunAsync(() -> guarded(lane, task), pool);
        });
    }

    /** Completes when every task submitted so far to {@code lane} has run. */
    public CompletableFuture<Void> idle(String lane) {
        return tails.getOrDefault(lane, CompletableFuture.completedFuture(null));
    }

    private void guarded(String lane, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            onError.accept(lane, e);
        } catch (Error e) {
            onError.accept(lane, new IllegalStateException("the task failed with " + e, e));
        }
    }
}
