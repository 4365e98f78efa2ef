package org.mlrcopilot.papers.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;

/** Test fixtures: a MockWebServer on 127.0.0.1 and policies fit for talking to it. */
final class LocalServer {

    private LocalServer() {}

    static MockWebServer start() {
        MockWebServer server = new MockWebServer();
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    static InetSocketAddress endpoint(MockWebServer server) {
        return new InetSocketAddress(loopback(), server.getPort());
    }

    static URI uri(MockWebServer server, String host, String path) {
        return URI.create("http://" + host + ":" + server.getPort() + path);
    }

    /** Private addresses allowed, no politeness spacing, quick retries. */
    static FetchPolicy policy() {
        return FetchPolicy.defaults()
                .withAllowPrivateAddresses(true)
                .withMinIntervals(Map.of(), Duration.ZERO)
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(100))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    static void close(MockWebServer server) {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
