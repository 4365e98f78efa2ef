package org.mlrcopilot.papers.literature;

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
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/** A fake scholarly API: canned answers by exact path ("*" for any other), every request recorded. */
final class FakeApi implements AutoCloseable {

    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Supplier<MockResponse>> routes = new ConcurrentHashMap<>();
    private final MockWebServer server = new MockWebServer();

    FakeApi() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String path = request.getRequestUrl().encodedPath();
                Supplier<MockResponse> notFound = () -> new MockResponse().setResponseCode(404);
                return routes.getOrDefault(path, routes.getOrDefault("*", notFound))
                        .get();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeApi json(String path, String resource) {
        routes.put(
                path,
                () -> new MockResponse()
                        .setHeader("Content-Type", "application/json")
                        .setBody(resource(resource)));
        return this;
    }

    FakeApi atom(String path, String resource) {
        routes.put(
                path,
                () -> new MockResponse()
                        .setHeader("Content-Type", "application/atom+xml; charset=UTF-8")
                        .setBody(resource(resource)));
        return this;
    }

    FakeApi status(String path, int code) {
        routes.put(
                path,
                () -> new MockResponse()
                        .setResponseCode(code)
                        .setHeader("Content-Type", "application/json")
                        .setBody("{\"message\":\"status " + code + "\"}"));
        return this;
    }

    FakeApi silent(String path) {
        routes.put(path, () -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        return this;
    }

    URI url(String path) {
        return server.url(path).uri();
    }

    List<String> paths() {
        return requests.stream().map(r -> r.getRequestUrl().encodedPath()).toList();
    }

    static String resource(String name) {
        try (InputStream in = FakeApi.class.getResourceAsStream("/literature/" + name)) {
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
