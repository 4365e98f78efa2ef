package org.mlrcopilot.bot.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.ChatPlatformContract;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage.Button;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.mlrcopilot.bot.http.WebServer;

/**
 * The chat platform contract for the web chat: the real {@link WebChat} behind a real server on a free port; what
 * the chat shows is what its HTTP API answers the browser, and people act through that API.
 */
class WebChatPlatformTest extends ChatPlatformContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADA = "u-ada";

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger clientIds = new AtomicInteger();
    private WebChat chat;
    private WebServer server;
    private Map<String, Object> lastMessage;

    @Override
    protected ChatPlatform start(InboundHandler handler) {
        chat = new WebChat(dir, Clock.systemUTC());
        chat.start(handler);
        server = WebServer.start(
                "127.0.0.1",
                0,
                List.of(chat.routes()),
                () -> Map.of("status", "ok"),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        return chat;
    }

    @Override
    protected void close() {
        server.close();
        chat.close();
    }

    @Override
    protected String channel() {
        return "research";
    }

    @Override
    protected String person() {
        return ADA;
    }

    @Override
    protected String expectedTeam() {
        return "web";
    }

    @Override
    protected List<Shown> thread(MessageRef root) {
        List<Shown> out = new ArrayList<>();
        for (JsonNode m : get("/api/channels/" + root.channel() + "/messages")) {
            if (m.path("threadId").asText().equals(root.threadId())) {
                out.add(new Shown(
                        m.path("id").asText(),
                        m.path("bot").asBoolean(),
                        m.path("user").asText(),
                        m.path("text").asText(),
                        StreamSupport.stream(m.path("buttons").spliterator(), false)
                                .map(b -> new ShownButton(
                                        b.path("action").asText(),
                                        b.path("value").asText(),
                                        b.path("label").asText()))
                                .toList(),
                        StreamSupport.stream(m.path("attachments").spliterator(), false)
                                .map(f -> f.path("name").asText())
                                .toList()));
            }
        }
        return out;
    }

    @Override
    protected List<String> botReactions(MessageRef message) {
        List<String> out = new ArrayList<>();
        get("/api/messages/" + message.messageId()).path("reactions").fields().forEachRemaining(e -> {
            if (StreamSupport.stream(e.getValue().spliterator(), false)
                    .anyMatch(u -> u.asText().equals(WebChat.BOT))) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    /** Posts as an API client does that may post again: with its own event id. */
    @Override
    protected MessageRef say(ThreadRef thread, String text) throws Exception {
        lastMessage = Map.of(
                "user",
                ADA,
                "userName",
                "Ada",
                "text",
                text,
                "threadId",
                thread.threadId(),
                "eventId",
                "client-" + clientIds.incrementAndGet());
        return posted(thread.channel());
    }

    @Override
    protected boolean redelivers() {
        return true;
    }

    @Override
    protected void sayAgain() throws Exception {
        posted(channel());
    }

    private MessageRef posted(String channel) throws Exception {
        JsonNode m = ok("POST", "/api/channels/" + channel + "/messages", lastMessage)
                .path("message");
        return new MessageRef(
                m.path("channel").asText(),
                m.path("id").asText(),
                m.path("threadId").asText());
    }

    @Override
    protected void react(MessageRef message, String emoji) throws Exception {
        ok(
                "POST",
                "/api/messages/" + message.messageId() + "/reactions",
                Map.of("user", ADA, "userName", "Ada", "emoji", emoji));
    }

    @Override
    protected void press(MessageRef message, Button button) throws Exception {
        ok(
                "POST",
                "/api/messages/" + message.messageId() + "/buttons",
                Map.of("user", ADA, "userName", "Ada", "action", button.action(), "value", button.value()));
    }

    /** The web chat writes the name people go by; the page shows it as written. */
    @Override
    protected String mentionMarkup(String user) {
        return "@Ada";
    }

    private JsonNode get(String path) {
        try {
            return ok("GET", path, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode ok(String method, String path, Object body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .method(method, publisher)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
