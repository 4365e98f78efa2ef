package org.mlrcopilot.bot.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchStatus;
import org.mlrcopilot.bot.store.TestPostgres;

/**
 * Inbound latency and memory of the running service (web chat over HTTP, fake LLM), on the H2 file store and then,
 * in the same run, on PostgreSQL (the server of {@link TestPostgres}, skipped when absent), with their ratio:
 * <ol>
 * <li>a burst of 2,000 events at 200 per second from a team of 25 (replies and votes in a research's thread,
 * chatter in another channel), after a warm-up of 500, open loop: each event is sent on schedule whether or not earlier ones were answered; the time
 * from sending to the HTTP answer (acknowledged) is measured, p50 and p99;</li>
 * <li>the heap after 50 researches submitted at once and carried to their hypotheses (after a full GC).</li>
 * </ol>
 * Run: {@code mvn -q -pl bot test-compile exec:java -Dexec.mainClass=org.mlrcopilot.bot.service.InboundBenchmark
 * -Dexec.classpathScope=test}
 */
public final class InboundBenchmark {

    private static final int EVENTS = 2000;
    private static final int RUNS = 3;
    private static final int PER_SECOND = 200;
    private static final int RESEARCHES = 50;
    /** The events come from a team of this many people. */
    private static final int TEAM = 25;

    /** What one store measured: medians over the bursts, and the heap after the researches. */
    record Result(String store, double p50, double p99, double heapMb, double peakMb) {}

    public static void main(String[] args) throws Exception {
        try {
            List<Result> results = new ArrayList<>();
            results.add(measure("H2", Map.of()));
            Optional<String> noPostgres = TestPostgres.unreachable();
            if (noPostgres.isEmpty()) {
                try (TestPostgres.Database database = TestPostgres.server().createDatabase("bench")) {
                    results.add(measure("PostgreSQL", database.env()));
                }
            } else if (TestPostgres.required()) {
                throw new IllegalStateException("PostgreSQL is required but " + noPostgres.get());
            } else {
                System.out.println("PostgreSQL not measured: " + noPostgres.get());
            }
            summary(results);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static Result measure(String store, Map<String, String> settings) throws Exception {
        System.out.println("== " + store);
        Path dir = Files.createTempDirectory("mlr-bench");
        try (ServiceFixture fixture = new ServiceFixture(dir, settings);
                BotService service = fixture.start(new ByteArrayOutputStream())) {
            ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
            String root =
                    bob.post("research", fixture.paperUrl()).at("/message/id").asText();
            String h1 = ServiceIT.find(ServiceIT.waitForHypotheses(bob, "research", root, 3), "H1 v1: ")
                    .path("id")
                    .asText();
            burst(service.port(), root, h1, fixture.paperUrl(), 1000, "warm-up");
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            for (int run = 1; run <= RUNS; run++) {
                Thread.sleep(3000);
                double[] q = burst(service.port(), root, h1, fixture.paperUrl(), EVENTS, "burst " + run);
                p50s.add(q[0]);
                p99s.add(q[1]);
            }
            System.out.printf(
                    Locale.ROOT,
                    "median of %d bursts: p50 %.1f ms, p99 %.1f ms (target p99 <= 50 ms)%n",
                    RUNS,
                    median(p50s),
                    median(p99s));
            var ack = service.metrics().registry().find("mlr_event_ack").timer().takeSnapshot();
            for (var p : ack.percentileValues()) {
                System.out.printf(
                        Locale.ROOT,
                        "in the handler (record + hand off), all events: p%.0f %.2f ms%n",
                        p.percentile() * 100,
                        p.value(TimeUnit.MILLISECONDS));
            }
            double[] heap = heap(service, fixture);
            return new Result(store, median(p50s), median(p99s), heap[0], heap[1]);
        }
    }

    private static void summary(List<Result> results) {
        System.out.println("== summary (same run, same machine)");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-10s acknowledged p50 %.1f ms, p99 %.1f ms; heap after GC %.0f MB, peak " + "%.0f MB%n",
                    r.store(),
                    r.p50(),
                    r.p99(),
                    r.heapMb(),
                    r.peakMb());
        }
        if (results.size() == 2) {
            Result h2 = results.get(0);
            Result pg = results.get(1);
            System.out.printf(
                    Locale.ROOT,
                    "PostgreSQL / H2: p50 x%.2f, p99 x%.2f, heap after GC x%.2f%n",
                    pg.p50() / h2.p50(),
                    pg.p99() / h2.p99(),
                    pg.heapMb() / h2.heapMb());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static double[] burst(int port, String root, String h1, String paper, int events, String label) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(16, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
        ObjectMapper json = new ObjectMapper();
        long[] latencies = new long[events];
        List<CompletableFuture<?>> sent = new ArrayList<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime() + 200_000_000L;
        for (int i = 0; i < events; i++) {
            int n = i;
            HttpRequest request = request(port, json, n, root, h1, paper);
            long at = start + n * 1_000_000_000L / PER_SECOND;
            CompletableFuture<Void> done = new CompletableFuture<>();
            clock.schedule(
                    () -> {
                        long t0 = System.nanoTime();
                        http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                                .whenComplete((r, e) -> {
                                    latencies[n] = e != null || r.statusCode() >= 300 ? -1 : System.nanoTime() - t0;
                                    done.complete(null);
                                });
                    },
                    at - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
            sent.add(done);
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        clock.shutdown();
        long failed = Arrays.stream(latencies).filter(l -> l < 0).count();
        long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "%s: %d events at %d/s over HTTP, %d failed; acknowledged p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms (target p99 <= 50 ms)%n",
                label,
                events,
                PER_SECOND,
                failed,
                ms(ok, 0.50),
                ms(ok, 0.99),
                ok[ok.length - 1] / 1e6);
        return new double[] {ms(ok, 0.50), ms(ok, 0.99)};
    }

    private static HttpRequest request(int port, ObjectMapper json, int n, String root, String h1, String paper)
            throws Exception {
        String base = "http://127.0.0.1:" + port;
        Map<String, String> body;
        String path;
        String user = "u" + n % TEAM;
        String name = "member" + n % TEAM;
        switch (n % 10) {
            case 0, 1, 2, 3, 4 -> {
                path = "/api/channels/research/messages";
                body = Map.of("user", user, "userName", name, "text", "H1 idea " + n, "threadId", root);
            }
            case 5, 6, 7, 8 -> {
                path = "/api/messages/" + h1 + "/reactions";
                body = Map.of("user", user, "userName", name, "emoji", n % 2 == 0 ? "+1" : "-1");
            }
            default -> {
                path = "/api/channels/general/messages";
                body = Map.of("user", user, "userName", name, "text", "chat without a link " + n);
            }
        }
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
    }

    /** Used heap after GC and the peak sampled, in MB. */
    private static double[] heap(BotService service, ServiceFixture fixture) throws Exception {
        ChatClient carol = new ChatClient(service.port(), "u-carol", "carol");
        long before = usedHeapAfterGc();
        for (int i = 0; i < RESEARCHES; i++) {
            carol.post("research", "paper " + i + " " + (i % 2 == 0 ? fixture.paperUrl() : fixture.secondPaperUrl()));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long peak = 0;
        while (System.nanoTime() < deadline) {
            List<Research> recent = service.store().recent(RESEARCHES + 1);
            peak = Math.max(
                    peak,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            if (recent.stream().filter(r -> r.status() == ResearchStatus.READY).count() == RESEARCHES + 1) {
                break;
            }
            Thread.sleep(200);
        }
        long after = usedHeapAfterGc();
        System.out.printf(
                Locale.ROOT,
                "heap: %d researches to hypotheses; used after GC %.0f MB (before %.0f MB), "
                        + "peak sampled %.0f MB (target <= 512 MB)%n",
                RESEARCHES,
                after / 1e6,
                before / 1e6,
                peak / 1e6);
        return new double[] {after / 1e6, peak / 1e6};
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}
