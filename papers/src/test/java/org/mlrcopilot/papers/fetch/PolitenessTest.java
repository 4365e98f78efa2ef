package org.mlrcopilot.papers.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.fetch.FetchException;

class PolitenessTest {

    private static final Duration INTERVAL = Duration.ofMillis(400);

    private final MockWebServer server = LocalServer.start();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final GuardedHttpClient client =
            new GuardedHttpClient(LocalServer.policy().withMinIntervals(Map.of("LocalHost", INTERVAL), INTERVAL));

    @BeforeEach
    void setUp() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                return new MockResponse().setBody("ok");
            }
        });
    }

    @AfterEach
    void tearDown() {
        client.close();
        LocalServer.close(server);
    }

    @Test
    void twoRequestsToOneHostAreSpacedByTheInterval() {
        long start = System.nanoTime();
        client.get(FetchRequest.get(url("localhost")));
        client.get(FetchRequest.get(url("localhost")));

        assertThat(arrivals).hasSize(2);
        assertThat(Duration.ofNanos(arrivals.get(1) - start)).isGreaterThanOrEqualTo(INTERVAL);
    }

    @Test
    void differentHostsAreNotSpaced() {
        long start = System.nanoTime();
        client.get(FetchRequest.get(url("localhost")));
        client.get(FetchRequest.get(url("127.0.0.1")));

        assertThat(Duration.ofNanos(arrivals.get(1) - start)).isLessThan(INTERVAL);
    }

    @Test
    void concurrentCallersTakeTurns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        long start = System.nanoTime();
        try {
            List<Future<Fetched>> calls = pool.invokeAll(List.of(
                    () -> client.get(FetchRequest.get(url("localhost"))),
                    () -> client.get(FetchRequest.get(url("localhost"))),
                    () -> client.get(FetchRequest.get(url("localhost")))));
            for (Future<Fetched> call : calls) {
                assertThat(call.get().text()).isEqualTo("ok");
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> sorted = arrivals.stream().sorted().toList();
        assertThat(Duration.ofNanos(sorted.get(2) - start)).isGreaterThanOrEqualTo(INTERVAL.multipliedBy(2));
        assertThat(Duration.ofNanos(sorted.get(1) - start)).isGreaterThanOrEqualTo(INTERVAL);
    }

    @Test
    void intervalsComeFromThePolicyByHostElseTheDefault() {
        FetchPolicy policy = FetchPolicy.defaults();
        HostThrottle throttle = new HostThrottle(policy);

        assertThat(throttle.intervalFor("export.arxiv.org")).isEqualTo(Duration.ofSeconds(3));
        assertThat(throttle.intervalFor("arxiv.org")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.intervalFor("example.com")).isEqualTo(Duration.ZERO);
    }

    @Test
    void aTurnBeyondTheDeadlineIsATimeout() {
        client.get(FetchRequest.get(url("localhost")));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> client.get(FetchRequest.get(url("localhost")).deadline(Duration.ofMillis(100))))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT));
        assertThat(arrivals).hasSize(1);
    }

    private String url(String host) {
        return LocalServer.uri(server, host, "/q").toString();
    }
}
