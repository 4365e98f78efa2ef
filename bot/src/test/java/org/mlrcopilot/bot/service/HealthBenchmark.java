package org.mlrcopilot.bot.service;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How fast {@code GET /healthz} answers, idle and under load, in the same run: the service on H2 with a research
 * ready, then {@code /healthz} asked 10 times a second for 10 s while nothing else happens, and again while the web
 * chat takes a burst of 2,000 events at 200 per second (replies and votes, as {@link InboundBenchmark} sends them)
 * and 10 new researches are read and drafted. Four rounds: the first (a cold JVM) on its own, then the medians of the
 * other three rounds' p50, p99 and max, idle and loaded, and their ratio. The bound: every answer within 1 s.
 *
 * <p>Run: {@code mvn -q -pl bot test-compile exec:java -Dexec.mainClass=org.mlrcopilot.bot.service.HealthBenchmark
 * -Dexec.classpathScope=test}
 */
public final class HealthBenchmark {

    /** The first round meets a cold JVM (nothing compiled yet for the event path): reported on its own. */
    private static final int ROUNDS = 4;

    private static final int PROBES = 100;
    private static final Duration EVERY = Duration.ofMillis(100);

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        Path dir = Files.createTempDirectory("mlr-health-bench");
        try (ServiceFixture fixture = new ServiceFixture(dir, Map.of());
                BotService service = fixture.start(new ByteArrayOutputStream())) {
            ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
            String root =
                    bob.post("research", fixture.paperUrl()).at("/message/id").asText();
            String h1 = ServiceIT.find(ServiceIT.waitForHypotheses(bob, "research", root, 3), "H1 v1: ")
                    .path("id")
                    .asText();
            probe(service.port(), "warm-up");
            List<double[]> idle = new ArrayList<>();
            List<double[]> loaded = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                idle.add(probe(service.port(), "idle " + round));
                String label = "events " + round;
                CompletableFuture<double[]> events = CompletableFuture.supplyAsync(() -> {
                    try {
                        return InboundBenchmark.burst(service.port(), root, h1, fixture.paperUrl(), 2000, label);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                ChatClient carol = new ChatClient(service.port(), "u-carol", "carol");
                for (int i = 0; i < 10; i++) {
                    carol.post("research", "round " + round + " paper " + i + " " + fixture.secondPaperUrl());
                }
                loaded.add(probe(service.port(), "loaded " + round));
                events.join();
            }
            double[] cold = loaded.get(0);
            double[] i = medians(idle.subList(1, ROUNDS));
            double[] l = medians(loaded.subList(1, ROUNDS));
            System.out.println("== summary (same run, same machine)");
            System.out.printf(
                    Locale.ROOT,
                    "cold (round 1, under load): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    cold[0],
                    cold[1],
                    cold[2]);
            System.out.printf(
                    Locale.ROOT,
                    "warm idle (median of %d rounds):   p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ROUNDS - 1,
                    i[0],
                    i[1],
                    i[2]);
            System.out.printf(
                    Locale.ROOT,
                    "warm loaded (median of %d rounds): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ROUNDS - 1,
                    l[0],
                    l[1],
                    l[2]);
            System.out.printf(
                    Locale.ROOT,
                    "warm loaded / idle: p50 x%.2f, p99 x%.2f; slowest answer of all rounds %.1f ms (bound 1000 ms)%n",
                    l[0] / i[0],
                    l[1] / i[1],
                    loaded.stream().mapToDouble(r -> r[2]).max().orElseThrow());
        }
    }

    /** {@value #PROBES} requests to /healthz, one every 100 ms: p50, p99 and max in ms (a failed one counts 10 s). */
    private static double[] probe(int port, String label) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(10))
                .build();
        double[] ms = new double[PROBES];
        int unhealthy = 0;
        long next = System.nanoTime();
        for (int i = 0; i < PROBES; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += EVERY.toNanos();
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                ms[i] = (System.nanoTime() - t0) / 1e6;
                unhealthy += r.statusCode() == 200 ? 0 : 1;
            } catch (java.io.IOException e) {
                ms[i] = 10_000;
                unhealthy++;
            }
        }
        java.util.Arrays.sort(ms);
        double[] q = {ms[PROBES / 2], ms[(int) Math.floor(0.99 * PROBES)], ms[PROBES - 1]};
        System.out.printf(
                Locale.ROOT,
                "%s: %d probes, %d not 200; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                label,
                PROBES,
                unhealthy,
                q[0],
                q[1],
                q[2]);
        return q;
    }

    private static double[] medians(List<double[]> rounds) {
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            int col = k;
            List<Double> sorted = rounds.stream().map(r -> r[col]).sorted().toList();
            out[k] = sorted.get(sorted.size() / 2);
        }
        return out;
    }
}
