package org.mlrcopilot.papers.prototype;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mlrcopilot.papers.fetch.Expect;
import org.mlrcopilot.papers.fetch.FetchFailures;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/** Sends the Hub searches in parallel, each within the time granted; failures become notes. */
final class HubSearch {

    private static final Duration GRACE = Duration.ofMillis(150);
    private static final Duration TOO_SHORT = Duration.ofMillis(50);

    private final GuardedHttpClient http;
    private final URI hub;
    private final String token;
    private final ExecutorService pool = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "hub-search");
        thread.setDaemon(true);
        return thread;
    });

    HubSearch(GuardedHttpClient http, URI hub, String token) {
        this.http = http;
        this.hub = hub;
        this.token = token;
    }

    /** What came back, in query order, and one note per kind of failure. */
    Result run(List<HubQuery> queries, Duration granted) {
        Result result = new Result(new ArrayList<>(), new ArrayList<>());
        if (granted.compareTo(TOO_SHORT) < 0) {
            queries.forEach(q -> result.failed(q, "skipped, no time left"));
            return result;
        }
        long end = System.nanoTime() + granted.plus(GRACE).toNanos();
        Map<HubQuery, Future<List<Candidate>>> pending = new LinkedHashMap<>();
        queries.forEach(q -> pending.put(q, pool.submit(() -> fetch(q, granted))));
        pending.forEach((query, future) -> collect(query, future, end, granted, result));
        return result;
    }

    private List<Candidate> fetch(HubQuery query, Duration granted) {
        FetchRequest request = FetchRequest.get(query.uri(hub))
                .header("Accept", "application/json")
                .expect(Expect.JSON)
                .retries(1)
                .deadline(granted);
        if (!token.isEmpty()) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return HubJson.parse(query.kind(), http.get(request).text());
    }

    private static void collect(
            HubQuery query, Future<List<Candidate>> future, long end, Duration granted, Result result) {
        try {
            result.found().addAll(future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            result.failed(query, "no answer within " + FetchFailures.seconds(granted));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            result.failed(query, "interrupted");
        } catch (ExecutionException e) {
            result.failed(query, FetchFailures.describe(e.getCause(), granted));
        }
    }

    record Result(List<Candidate> found, List<Notes.Failure> failures) {

        void failed(HubQuery query, String why) {
            failures.add(new Notes.Failure(query.describe(), why));
        }

        List<String> notes() {
            return Notes.group(failures);
        }
    }
}
