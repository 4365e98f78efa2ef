package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.ChatPlatformContract;
import org.mlrcopilot.bot.chat.Emoji;
import org.mlrcopilot.bot.chat.Inbound;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.OutboundMessage.Button;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.mlrcopilot.bot.chat.slack.SlackPlatform;
import org.mlrcopilot.bot.http.RawEndpoint;
import org.mlrcopilot.bot.http.WebServer;

/**
 * The chat platform contract for Slack: the real {@link SlackPlatform} (Bolt's App behind the events URL, the Web
 * API client) against the fake Slack. What the chat shows is read from the Web API calls the bot made (posts, the
 * latest edit of each, reactions, files shared in a thread) and the messages people posted; people act through
 * signed requests to the events URL, as Slack sends them.
 */
class SlackPlatformContractTest extends ChatPlatformContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String CHANNEL = "C1";
    private static final String ANN = "U1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong clock = new AtomicLong(1_700_000_050_000_100L);
    /** The messages people posted, each placed among the bot's calls made before it. */
    private final List<PersonMessage> said = new CopyOnWriteArrayList<>();

    private FakeSlack slack;
    private WebServer server;
    private String lastBody;

    private record PersonMessage(int afterCalls, String ts, String threadTs, String text) {}

    /** A message of the thread and where it comes in the order of what happened. */
    private record Placed(double at, Shown shown) {}

    @Override
    protected ChatPlatform start(InboundHandler handler) {
        slack = new FakeSlack();
        SlackPlatform platform = new SlackPlatform(
                slack.apiUrl(), "xoxb-contract-1", SECRET, List.of(CHANNEL), "https://mlr.example.org/");
        platform.start(handler);
        server = WebServer.start(
                "127.0.0.1",
                0,
                List.of(RawEndpoint.post("/slack/events", platform.events())),
                () -> Map.of("status", "ok"),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        return platform;
    }

    @Override
    protected void close() {
        if (server != null) {
            server.close();
        }
        slack.close();
    }

    @Override
    protected String channel() {
        return CHANNEL;
    }

    @Override
    protected String person() {
        return ANN;
    }

    @Override
    protected String expectedTeam() {
        return "slack:T1";
    }

    @Override
    protected List<Shown> thread(MessageRef root) {
        List<FakeSlack.Call> calls = List.copyOf(slack.calls);
        List<Placed> out = new ArrayList<>();
        slack.posted.forEach((ts, post) -> {
            if (post.param("channel").equals(root.channel())
                    && (ts.equals(root.threadId()) || post.param("thread_ts").equals(root.threadId()))) {
                FakeSlack.Call latest = calls.stream()
                        .filter(c -> c.method().equals("chat.update")
                                && c.param("channel").equals(root.channel())
                                && c.param("ts").equals(ts))
                        .reduce((a, b) -> b)
                        .orElse(post);
                out.add(new Placed(indexOf(calls, post), shown(ts, latest)));
            }
        });
        for (PersonMessage m : said) {
            if (m.ts().equals(root.threadId()) || m.threadTs().equals(root.threadId())) {
                out.add(new Placed(
                        m.afterCalls() - 0.5, new Shown(m.ts(), false, ANN, m.text(), List.of(), List.of())));
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            FakeSlack.Call c = calls.get(i);
            if (c.method().equals("files.completeUploadExternal")
                    && c.param("channel_id").equals(root.channel())
                    && c.param("thread_ts").equals(root.threadId())) {
                List<String> names = new ArrayList<>();
                read(c.param("files")).forEach(f -> names.add(f.path("title").asText()));
                out.add(new Placed(i, new Shown("file-" + i, true, "UBOT", "", List.of(), names)));
            }
        }
        return out.stream()
                .sorted(Comparator.comparingDouble(Placed::at))
                .map(Placed::shown)
                .toList();
    }

    private static int indexOf(List<FakeSlack.Call> calls, FakeSlack.Call call) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i) == call) {
                return i;
            }
        }
        throw new IllegalStateException("not a recorded call: " + call);
    }

    /** A message as Slack shows it: the text of its sections, the buttons of its actions block. */
    private static Shown shown(String ts, FakeSlack.Call call) {
        StringBuilder text = new StringBuilder();
        List<ShownButton> buttons = new ArrayList<>();
        JsonNode blocks = read(call.param("blocks"));
        for (JsonNode block : blocks) {
            switch (block.path("type").asText()) {
                case "section" -> text.append(block.path("text").path("text").asText());
                case "actions" ->
                    block.path("elements")
                            .forEach(b -> buttons.add(new ShownButton(
                                    b.path("action_id").asText(),
                                    b.path("value").asText(),
                                    b.path("text").path("text").asText())));
                default -> {}
            }
        }
        return new Shown(
                ts,
                true,
                "UBOT",
                unescaped(blocks.isEmpty() ? call.param("text") : text.toString()),
                buttons,
                List.of());
    }

    /** The characters Slack's clients show for the three escapes Slack asks for in message text. */
    private static String unescaped(String mrkdwn) {
        return mrkdwn.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Test
    void controlCharactersArriveEscapedSoTextCannotFormLinksOrMentions() {
        MessageRef root = platform.post(new ThreadRef(CHANNEL, ""), OutboundMessage.text("2 < 3 & <!here> > 1"));
        String sent = slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("text").contains("2 "))
                .map(c ->
                        read(c.param("blocks")).get(0).path("text").path("text").asText())
                .findFirst()
                .orElseThrow();
        assertThat(sent).as(root.messageId()).isEqualTo("2 &lt; 3 &amp; &lt;!here&gt; &gt; 1");
    }

    private static JsonNode read(String json) {
        try {
            return json.isBlank() ? JSON.createArrayNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(json, e);
        }
    }

    @Override
    protected List<String> botReactions(MessageRef message) {
        return slack.calls("reactions.add").stream()
                .filter(c -> c.param("channel").equals(message.channel())
                        && c.param("timestamp").equals(message.messageId()))
                .map(c -> c.param("name"))
                .toList();
    }

    @Override
    protected MessageRef say(ThreadRef thread, String text) throws Exception {
        String ts = ts();
        ObjectNode event = JSON.createObjectNode()
                .put("type", "message")
                .put("user", ANN)
                .put("text", text)
                .put("ts", ts)
                .put("channel", thread.channel())
                .put("event_ts", ts);
        if (!thread.threadId().isBlank()) {
            event.put("thread_ts", thread.threadId());
        }
        said.add(new PersonMessage(slack.calls.size(), ts, thread.threadId(), text));
        event("Ev" + ts.replace(".", ""), event, Map.of());
        return new MessageRef(thread.channel(), ts, thread.threadId());
    }

    /** Slack retries an event it did not see acknowledged in time, with the same body and a retry number. */
    @Override
    protected boolean redelivers() {
        return true;
    }

    @Override
    protected void sayAgain() throws Exception {
        deliver("application/json", lastBody, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    }

    @Override
    protected void react(MessageRef message, String emoji) throws Exception {
        String ts = ts();
        ObjectNode event = JSON.createObjectNode()
                .put("type", "reaction_added")
                .put("user", ANN)
                .put("reaction", emoji)
                .put("item_user", "UBOT")
                .put("event_ts", ts);
        event.putObject("item")
                .put("type", "message")
                .put("channel", message.channel())
                .put("ts", message.messageId());
        event("EvR" + ts.replace(".", ""), event, Map.of());
    }

    @Override
    protected void press(MessageRef message, Button button) throws Exception {
        ObjectNode payload = JSON.createObjectNode()
                .put("type", "block_actions")
                .put("api_app_id", "A1")
                .put("token", "legacy")
                .put("trigger_id", "t" + clock.get())
                .put("response_url", slack.apiUrl() + "respond");
        payload.putObject("user").put("id", ANN).put("username", "ann").put("team_id", "T1");
        payload.putObject("container")
                .put("type", "message")
                .put("message_ts", message.messageId())
                .put("channel_id", message.channel());
        payload.putObject("team").put("id", "T1");
        payload.putObject("channel").put("id", message.channel()).put("name", "research");
        ObjectNode action = payload.putArray("actions")
                .addObject()
                .put("action_id", button.action())
                .put("block_id", "b1")
                .put("value", button.value())
                .put("type", "button")
                .put("action_ts", ts());
        action.putObject("text").put("type", "plain_text").put("text", button.label());
        assertThat(deliver(
                                "application/x-www-form-urlencoded",
                                "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8),
                                Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    @Override
    protected String mentionMarkup(String user) {
        return "<@" + user + ">";
    }

    @Test
    void aRetriedReactionCarriesTheSameEventId() throws Exception {
        MessageRef root = platform.post(new ThreadRef(CHANNEL, ""), OutboundMessage.text("H1 v1"));
        react(root, Emoji.ROCKET);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.size() == 1);
        sayAgain();
        await().atMost(Duration.ofSeconds(20)).until(() -> events.size() == 2);
        assertThat(events)
                .allSatisfy(e -> assertThat(e).isInstanceOf(Inbound.ReactionChanged.class))
                .extracting(Inbound::eventId)
                .containsOnly(events.get(0).eventId());
    }

    // --- Slack's requests ---

    private String ts() {
        long v = clock.incrementAndGet();
        return (v / 1_000_000) + "." + String.format("%06d", v % 1_000_000);
    }

    private void event(String eventId, ObjectNode event, Map<String, String> headers) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        ObjectNode body = JSON.createObjectNode()
                .put("token", "legacy")
                .put("team_id", "T1")
                .put("api_app_id", "A1")
                .put("type", "event_callback")
                .put("event_id", eventId)
                .put("event_time", now);
        body.set("event", event);
        lastBody = body.toString();
        assertThat(deliver("application/json", lastBody, headers).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> deliver(String contentType, String body, Map<String, String> headers)
            throws Exception {
        long timestamp = System.currentTimeMillis() / 1000;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0="
                + HexFormat.of()
                        .formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", signature)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
