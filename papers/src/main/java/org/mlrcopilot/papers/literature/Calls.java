package org.mlrcopilot.papers.literature;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.papers.fetch.FetchFailures;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.Fetched;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/** Runs work with a hard time limit: past it the caller moves on and the work is abandoned. */
final class Calls {

    private static final Duration GRACE = Duration.ofMillis(150);
    private static final Duration TOO_SHORT = Duration.ofMillis(20);

    private final GuardedHttpClient http;
    private final ExecutorService pool = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "related-work");
        thread.setDaemon(true);
        return thread;
    });

    Calls(GuardedHttpClient http) {
        this.http = http;
    }

    /** GETs the request with the limit as its deadline; throws FetchException(TIMEOUT) past the limit. */
    Fetched get(FetchRequest request, Duration limit) {
        return within(limit, () -> http.get(request.deadline(limit)));
    }

    <T> T within(Duration limit, Supplier<T> work) {
        if (limit.compareTo(TOO_SHORT) < 0) {
            throw timeout(limit);
        }
        Future<T> future = pool.submit(work::get);
        try {
            return future.get(limit.plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(limit);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw timeout(limit);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException runtime
                ? runtime
                : new FetchException(FetchException.Kind.NETWORK, 0, "request failed", cause);
    }

    private static FetchException timeout(Duration limit) {
        return new FetchException(FetchException.Kind.TIMEOUT, "no answer within " + FetchFailures.seconds(limit));
    }
}
