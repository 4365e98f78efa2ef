package org.mlrcopilot.papers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.fetch.FetchException;

class RetryTest {

    private final MockWebServer server = LocalServer.start();
    private final GuardedHttpClient client =
            new GuardedHttpClient(LocalServer.policy().withRetries(3, Duration.ofMillis(10), Duration.ofSeconds(5)));

    @AfterEach
    void tearDown() {
        client.close();
        LocalServer.close(server);
    }

    @Test
    void a429IsRetriedAfterTheRetryAfterDelay() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
        server.enqueue(new MockResponse().setBody("finally"));

        long start = System.nanoTime();
        Fetched fetched = client.get(FetchRequest.get(url()));

        assertThat(fetched.text()).isEqualTo("finally");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(950), Duration.ofSeconds(4));
    }

    @Test
    void aLongRetryAfterIsCappedAtMaxBackoff() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "3600"));
        server.enqueue(new MockResponse().setBody("back"));

        try (GuardedHttpClient capped = new GuardedHttpClient(
                LocalServer.policy().withRetries(2, Duration.ofMillis(10), Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            assertThat(capped.get(FetchRequest.get(url())).text()).isEqualTo("back");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(280), Duration.ofSeconds(3));
        }
    }

    @Test
    void endlessRateLimitingEndsAfterExactlyMaxRetriesPlusOneRequests() {
        server.setDispatcher(always(new MockResponse().setResponseCode(429)));

        assertThatThrownBy(() -> client.get(FetchRequest.get(url())))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.RATE_LIMITED);
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "127.0.0.1 is rate-limiting us (HTTP 429) after 3 retries; try again in a minute");
                });
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void zeroRetriesMeansOneRequest() {
        server.setDispatcher(always(new MockResponse().setResponseCode(503)));

        assertThatThrownBy(() -> client.get(FetchRequest.get(url()).retries(0)))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.RATE_LIMITED);
                    assertThat(e.status()).isEqualTo(503);
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anImmediateRetryAfterOn503IsNotRetriedBehindOurBack() {
        server.setDispatcher(always(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0")));

        assertThatThrownBy(() -> client.get(FetchRequest.get(url()).retries(0)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.RATE_LIMITED));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theRequestRetryCountOverridesThePolicy() {
        server.setDispatcher(always(new MockResponse().setResponseCode(429)));

        assertThatThrownBy(() -> client.get(FetchRequest.get(url()).retries(1))).hasMessageContaining("after 1 retry;");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesStopWhenTheWaitWouldOutlastTheDeadline() {
        server.setDispatcher(always(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3")));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.get(FetchRequest.get(url()).deadline(Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.RATE_LIMITED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void otherErrorStatusesAreNotRetried() {
        server.enqueue(new MockResponse().setResponseCode(404));
        server.enqueue(new MockResponse().setResponseCode(500));

        assertThatThrownBy(() -> client.get(FetchRequest.get(url())))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_STATUS);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("not found").contains("404");
                    assertThat(e.retryable()).isFalse();
                });
        assertThatThrownBy(() -> client.get(FetchRequest.get(url())))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheCap() {
        Duration initial = Duration.ofMillis(100);
        Duration max = Duration.ofMillis(500);
        Instant now = Instant.now();

        assertThat(RetryDelay.next(0, null, initial, max, now)).isEqualTo(Duration.ofMillis(100));
        assertThat(RetryDelay.next(1, null, initial, max, now)).isEqualTo(Duration.ofMillis(200));
        assertThat(RetryDelay.next(2, "garbage", initial, max, now)).isEqualTo(Duration.ofMillis(400));
        assertThat(RetryDelay.next(3, null, initial, max, now)).isEqualTo(max);
        assertThat(RetryDelay.next(62, null, initial, max, now)).isEqualTo(max);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        String inTwentySeconds =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(20).atOffset(ZoneOffset.UTC));

        assertThat(RetryDelay.retryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryDelay.retryAfter(inTwentySeconds, now)).contains(Duration.ofSeconds(20));
        assertThat(RetryDelay.retryAfter("Wed, 01 Jan 2020 00:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryDelay.retryAfter("soon", now)).isEmpty();
        assertThat(RetryDelay.next(0, inTwentySeconds, Duration.ofSeconds(1), Duration.ofSeconds(30), now))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(RetryDelay.next(0, "120", Duration.ofSeconds(1), Duration.ofSeconds(30), now))
                .isEqualTo(Duration.ofSeconds(30));
    }

    private String url() {
        return LocalServer.uri(server, "127.0.0.1", "/api").toString();
    }

    private static Dispatcher always(MockResponse response) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        };
    }
}
