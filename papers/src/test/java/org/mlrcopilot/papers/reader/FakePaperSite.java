package org.mlrcopilot.papers.reader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/** A local stand-in for arXiv, OpenReview, ACL Anthology, doi.org and arbitrary sites: path -> response. */
final class FakePaperSite implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
    final List<String> requested = new CopyOnWriteArrayList<>();

    FakePaperSite() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requested.add(request.getPath());
                MockResponse r = routes.get(request.getPath());
                if (r == null) {
                    r = routes.entrySet().stream()
                            .filter(e -> e.getKey().endsWith("*")
                                    && request.getPath()
                                            .startsWith(e.getKey()
                                                    .substring(0, e.getKey().length() - 1)))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(null);
                }
                return r != null ? r : new MockResponse().setResponseCode(404).setBody("not found");
            }
        });
        server.start();
    }

    URI base() {
        String url = server.url("/").toString();
        return URI.create(url.substring(0, url.length() - 1));
    }

    FakePaperSite serve(String path, String contentType, byte[] body) {
        routes.put(
                path, new MockResponse().setHeader("Content-Type", contentType).setBody(new Buffer().write(body)));
        return this;
    }

    FakePaperSite serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    FakePaperSite redirect(String path, String location) {
        routes.put(path, new MockResponse().setResponseCode(302).setHeader("Location", location));
        return this;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FakePaperSite.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    long count(String path) {
        return requested.stream().filter(path::equals).count();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
