package org.mlrcopilot.papers.prototype;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A fake Hugging Face Hub API. Routes are keyed "path search-or-filter", e.g. "/api/models mnist" or
 * "/api/datasets task_categories:image-classification"; "*" answers the rest (by default with an empty list).
 */
final class FakeHub implements AutoCloseable {

    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Supplier<MockResponse>> routes = new ConcurrentHashMap<>();
    private final MockWebServer server = new MockWebServer();

    FakeHub() {
        routes.put("*", () -> json("[]"));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return routes.getOrDefault(key(request.getRequestUrl()), routes.get("*"))
                        .get();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(HttpUrl url) {
        String search = url.queryParameter("search");
        return url.encodedPath() + " " + (search != null ? search : url.queryParameter("filter"));
    }

    FakeHub serve(String route, String resource) {
        String body = resource(resource);
        routes.put(route, () -> json(body));
        return this;
    }

    FakeHub status(String route, int code) {
        routes.put(
                route,
                () -> new MockResponse()
                        .setResponseCode(code)
                        .setHeader("Retry-After", "0")
                        .setHeader("Content-Type", "application/json")
                        .setBody("{\"error\":\"Too many requests\"}"));
        return this;
    }

    FakeHub silent(String route) {
        routes.put(route, () -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        return this;
    }

    URI url() {
        return server.url("/").uri();
    }

    private static MockResponse json(String body) {
        return new MockResponse()
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody(body);
    }

    static String resource(String name) {
        try (InputStream in = FakeHub.class.getResourceAsStream("/prototype/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
