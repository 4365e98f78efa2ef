package org.mlrcopilot.bot.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A person in the web chat, speaking its HTTP API as the browser does. */
final class ChatClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    final String user;
    final String name;

    ChatClient(int port, String user, String name) {
        this.base = "http://127.0.0.1:" + port;
        this.user = user;
        this.name = name;
    }

    JsonNode post(String channel, String text) {
        return send(
                "POST", "/api/channels/" + channel + "/messages", Map.of("user", user, "userName", name, "text", text));
    }

    JsonNode postWithEventId(String channel, String text, String eventId) {
        return send(
                "POST",
                "/api/channels/" + channel + "/messages",
                Map.of("user", user, "userName", name, "text", text, "eventId", eventId));
    }

    JsonNode reply(String channel, String threadId, String text) {
        return send(
                "POST",
                "/api/channels/" + channel + "/messages",
                Map.of("user", user, "userName", name, "text", text, "threadId", threadId));
    }

    /** Uploads a file as the whole body (?name=); its upload id. */
    String upload(String fileName, byte[] content) {
        return upload("name=" + enc(fileName) + "&", "application/octet-stream", content);
    }

    /** Uploads a file as the browser's form does (multipart/form-data, part "file"); its upload id. */
    String uploadForm(String fileName, byte[] content) {
        String boundary = "----mlr" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return upload("", "multipart/form-data; boundary=" + boundary, body);
    }

    private String upload(String query, String contentType, byte[] body) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    base + "/api/uploads?" + query + "user=" + enc(user) + "&userName=" + enc(name)))
                            .header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("upload -> " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode postWithFiles(String channel, String text, List<String> uploadIds) {
        return send(
                "POST",
                "/api/channels/" + channel + "/messages",
                Map.of("user", user, "userName", name, "text", text, "files", uploadIds));
    }

    JsonNode replyWithFiles(String channel, String threadId, String text, List<String> uploadIds) {
        return send(
                "POST",
                "/api/channels/" + channel + "/messages",
                Map.of("user", user, "userName", name, "text", text, "threadId", threadId, "files", uploadIds));
    }

    JsonNode react(String messageId, String emoji) {
        return send(
                "POST",
                "/api/messages/" + messageId + "/reactions",
                Map.of("user", user, "userName", name, "emoji", emoji));
    }

    JsonNode unreact(String messageId, String emoji) {
        return send(
                "DELETE",
                "/api/messages/" + messageId + "/reactions/" + enc(emoji) + "?user=" + enc(user) + "&userName="
                        + enc(name),
                null);
    }

    JsonNode press(String messageId, String action, String value) {
        return send(
                "POST",
                "/api/messages/" + messageId + "/buttons",
                Map.of("user", user, "userName", name, "action", action, "value", value));
    }

    JsonNode command(String channel, String commandName, String args) {
        return send(
                "POST",
                "/api/commands",
                Map.of("channel", channel, "user", user, "userName", name, "name", commandName, "args", args));
    }

    /** Every message of the thread rooted at {@code rootId}, oldest first, the root included. */
    List<JsonNode> thread(String channel, String rootId) {
        List<JsonNode> out = new ArrayList<>();
        send("GET", "/api/channels/" + channel + "/messages", null).forEach(m -> {
            if (m.path("threadId").asText().equals(rootId)) {
                out.add(m);
            }
        });
        return out;
    }

    String get(String path) {
        return raw("GET", path, null).body();
    }

    int status(String path) {
        return raw("GET", path, null).statusCode();
    }

    byte[] bytes(String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(base + path)).build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode send(String method, String path, Object body) {
        HttpResponse<String> response = raw(method, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " -> " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer as it came, whatever its status. */
    HttpResponse<String> attempt(String method, String path, Object body) {
        return raw(method, path, body);
    }

    private HttpResponse<String> raw(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .method(method, publisher)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
