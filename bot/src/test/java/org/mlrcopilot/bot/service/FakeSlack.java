package org.mlrcopilot.bot.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's Web API in the test: answers {@code auth.test}, {@code chat.postMessage} (with a new ts),
 * {@code chat.update}, {@code reactions.add} and anything else with {@code ok: true}, and records every call.
 */
final class FakeSlack implements AutoCloseable {

    /** One Web API call: the method, its form parameters and the Authorization header it carried. */
    record Call(String method, Map<String, String> params, String authorization) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** The chat.postMessage calls by the ts each was answered with (the order they were posted in). */
    final java.util.NavigableMap<String, Call> posted = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Where apps.connections.open sends Socket Mode clients. */
    volatile String socketUrl = "ws://127.0.0.1:9/";

    private final HttpServer server;
    private final AtomicLong ts = new AtomicLong(1_700_000_100_000_000L);
    private final java.util.Set<String> rateLimited = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final List<Long> rateLimitedAt = new CopyOnWriteArrayList<>();

    /** The next call of {@code method} is answered 429 with {@code Retry-After: 1}. */
    void rateLimitNext(String method) {
        rateLimited.add(method);
    }

    FakeSlack() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::answer);
        server.createContext("/upload/", this::upload);
        server.createContext("/files-pri/", this::file);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (rateLimited.remove(method)) {
            rateLimitedAt.add(System.nanoTime());
            exchange.getResponseHeaders().add("Retry-After", "1");
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
            return;
        }
        Call call = new Call(method, params, exchange.getRequestHeaders().getFirst("Authorization"));
        calls.add(call);
        String body = switch (method) {
            case "auth.test" ->
                "{\"ok\":true,\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\",\"team_id\":\"T1\","
                        + "\"user\":\"mlr\",\"team\":\"Lab\",\"url\":\"https://lab.slack.com/\"}";
            case "chat.postMessage" ->
                "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + next(call) + "\"}";
            case "files.getUploadURLExternal" ->
                "{\"ok\":true,\"upload_url\":\"http://127.0.0.1:"
                        + server.getAddress().getPort() + "/upload/F" + calls.size() + "\",\"file_id\":\"F"
                        + calls.size()
                        + "\"}";
            case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"file\"}]}";
            case "files.info" ->
                "{\"ok\":true,\"file\":{\"id\":\"" + params.getOrDefault("file", "F1")
                        + "\",\"name\":\"file\",\"shares\":{}}}";
            case "chat.getPermalink" ->
                "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"permalink\":"
                        + "\"https://lab.slack.com/archives/" + params.get("channel") + "/p"
                        + params.getOrDefault("message_ts", "").replace(".", "") + "\"}";
            case "users.info" ->
                "{\"ok\":true,\"user\":{\"id\":\"" + params.get("user") + "\",\"name\":\"ann\","
                        + "\"real_name\":\"Ann Lee\",\"profile\":{\"display_name\":\"ann-" + params.get("user")
                        + "\"}}}";
            case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketUrl + "\"}";
            case "chat.update" ->
                "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts") + "\"}";
            default -> "{\"ok\":true}";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Bytes uploaded to an upload URL, by file id. */
    final Map<String, byte[]> uploads = new java.util.concurrent.ConcurrentHashMap<>();

    private void upload(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/upload/".length());
        uploads.put(id, exchange.getRequestBody().readAllBytes());
        byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
        exchange.close();
    }

    /** Files people shared, served at url_private_download to requests with the bot token only. */
    final Map<String, byte[]> shared = new java.util.concurrent.ConcurrentHashMap<>();

    final List<String> fileAuthorizations = new CopyOnWriteArrayList<>();

    String share(String name, byte[] content) {
        shared.put(name, content);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/files-pri/T1-F9/download/" + name;
    }

    private void file(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().replaceFirst("^.*/download/", "");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        fileAuthorizations.add(String.valueOf(auth));
        byte[] body = shared.get(name);
        if (body == null || auth == null || !auth.startsWith("Bearer xoxb-")) {
            exchange.sendResponseHeaders(body == null ? 404 : 403, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/csv");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String next(Call post) {
        long v = ts.incrementAndGet();
        String next = (v / 1_000_000) + "." + String.format("%06d", v % 1_000_000);
        posted.put(next, post);
        return next;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
