package org.mlrcopilot.papers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.fetch.FetchException;

class LimitsTest {

    private static final int CAP = 1024;

    private final MockWebServer server = LocalServer.start();
    private final GuardedHttpClient client =
            new GuardedHttpClient(LocalServer.policy().withMaxBytes(CAP));

    @AfterEach
    void tearDown() {
        client.close();
        LocalServer.close(server);
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedBeforeReading() {
        server.enqueue(new MockResponse().setBody("x".repeat(64 * 1024)).throttleBody(1, 200, TimeUnit.MILLISECONDS));

        long start = System.nanoTime();
        assertTooLarge(FetchRequest.get(url()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aChunkedBodyOverTheCapIsRefusedWhileStreaming() {
        server.enqueue(new MockResponse().setChunkedBody("x".repeat(CAP * 8), 100));

        assertTooLarge(FetchRequest.get(url()));
    }

    @Test
    void aBodyWithoutLengthOverTheCapIsRefusedWhileStreaming() {
        server.enqueue(new MockResponse()
                .setBody(new Buffer().writeUtf8("y".repeat(CAP + 1)))
                .removeHeader("Content-Length")
                .setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));

        assertTooLarge(FetchRequest.get(url()));
    }

    @Test
    void aBodyOfExactlyTheCapPasses() {
        server.enqueue(new MockResponse().setChunkedBody("z".repeat(CAP), 100));

        assertThat(client.get(FetchRequest.get(url())).body()).hasSize(CAP);
    }

    @Test
    void aTricklingServerTimesOutWithinTheRequestDeadline() {
        server.enqueue(new MockResponse().setBody("t".repeat(1000)).throttleBody(10, 100, TimeUnit.MILLISECONDS));

        assertTimeoutWithin(client, FetchRequest.get(url()).deadline(Duration.ofMillis(700)), Duration.ofSeconds(3));
    }

    @Test
    void aTricklingServerTimesOutWithinThePolicyCallTimeout() {
        server.enqueue(new MockResponse().setBody("t".repeat(1000)).throttleBody(10, 100, TimeUnit.MILLISECONDS));
        FetchPolicy policy =
                LocalServer.policy().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(700));

        try (GuardedHttpClient strict = new GuardedHttpClient(policy)) {
            assertTimeoutWithin(strict, FetchRequest.get(url()), Duration.ofSeconds(3));
        }
    }

    @Test
    void aSilentServerHitsTheReadTimeout() {
        server.enqueue(new MockResponse().setBody("late").setHeadersDelay(2, TimeUnit.SECONDS));
        FetchPolicy policy = LocalServer.policy()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(30));

        try (GuardedHttpClient strict = new GuardedHttpClient(policy)) {
            assertTimeoutWithin(strict, FetchRequest.get(url()), Duration.ofSeconds(3));
        }
    }

    @Test
    void aRefusedConnectionIsANetworkFailure() {
        String url = url();
        LocalServer.close(server);

        assertThatThrownBy(() -> client.get(FetchRequest.get(url))).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.kind()).isEqualTo(FetchException.Kind.NETWORK);
            assertThat(e.retryable()).isTrue();
        });
    }

    @Test
    void aHostWhoseFirstAddressRefusesIsReachedOnTheNext() throws Exception {
        server.enqueue(new MockResponse().setBody("second address"));
        List<InetAddress> addresses = List.of(InetAddress.getByName("::1"), InetAddress.getByName("127.0.0.1"));

        try (GuardedHttpClient dual = new GuardedHttpClient(LocalServer.policy(), host -> addresses)) {
            assertThat(dual.get(FetchRequest.get(LocalServer.uri(server, "dual.test", "/")))
                            .text())
                    .isEqualTo("second address");
        }
    }

    private void assertTooLarge(FetchRequest request) {
        assertThatThrownBy(() -> client.get(request)).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE);
            assertThat(e.getMessage()).contains("1.0 KB").contains(String.valueOf(CAP));
        });
    }

    private static void assertTimeoutWithin(GuardedHttpClient client, FetchRequest request, Duration bound) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.get(request)).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT);
            assertThat(e.retryable()).isTrue();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
    }

    private String url() {
        return server.url("/file").toString();
    }
}
