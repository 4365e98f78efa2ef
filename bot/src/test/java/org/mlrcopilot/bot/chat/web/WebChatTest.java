package org.mlrcopilot.bot.chat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.experiment.StopReason;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.ResearchStatus;
import org.mlrcopilot.agents.research.RunStatus;
import org.mlrcopilot.agents.usage.Usage;
import org.mlrcopilot.bot.chat.Emoji;
import org.mlrcopilot.bot.chat.Inbound;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.OutboundMessage.Attachment;
import org.mlrcopilot.bot.chat.OutboundMessage.Button;
import org.mlrcopilot.bot.chat.OutboundMessage.Field;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.mlrcopilot.bot.conversation.ConversationStores;
import org.mlrcopilot.bot.conversation.MessageLink;
import org.mlrcopilot.bot.conversation.MessageRole;
import org.mlrcopilot.bot.http.Dashboard;
import org.mlrcopilot.bot.http.WebServer;
import org.mlrcopilot.bot.store.Store;
import org.mlrcopilot.bot.store.Stores;

/** The web chat over real HTTP: a real server on a free port, a real store, a recording handler. */
class WebChatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Inbound> events = new CopyOnWriteArrayList<>();
    private Store store;
    private WebChat chat;
    private WebServer server;

    @BeforeEach
    void start() {
        store = Stores.open(dir.resolve("db"));
        open(true);
    }

    /** What the handler throws instead of taking an event; null: it takes them. */
    private volatile RuntimeException refuse;

    private void open(boolean withHandler) {
        chat = new WebChat(dir, Clock.fixed(T0, ZoneOffset.UTC));
        if (withHandler) {
            chat.start(event -> {
                RuntimeException refusal = refuse;
                if (refusal != null) {
                    throw refusal;
                }
                events.add(event);
                return "noted " + event.getClass().getSimpleName();
            });
        }
        Dashboard dashboard =
                new Dashboard(new ConversationStores(store, store, store, store.usage()), (platform, user) -> user);
        server = WebServer.start(
                "127.0.0.1",
                0,
                List.of(chat.routes(), dashboard),
                () -> Map.of("status", "ok"),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    private void reopen() {
        server.close();
        chat.close();
        open(true);
    }

    @AfterEach
    void stop() {
        server.close();
        chat.close();
        store.close();
    }

    // --- people post, react, press and command; the handler gets the events ---

    @Test
    void postedMessagesReachTheHandlerAndTheChannel() throws Exception {
        JsonNode root = ok(
                "POST",
                "/api/channels/general/messages",
                Map.of(
                        "user",
                        "u-ada",
                        "userName",
                        "Ada",
                        "text",
                        "read <b>this</b> https://arxiv.org/abs/2408.14033"));
        assertThat(root.path("notice").asText()).isEqualTo("noted MessagePosted");
        String id = root.path("message").path("id").asText();
        assertThat(id).isEqualTo("m1");
        assertThat(root.path("message").path("threadId").asText()).isEqualTo(id);
        assertThat(root.path("message").path("text").asText()).as("stored raw").contains("<b>this</b>");
        assertThat(events)
                .singleElement()
                .isEqualTo(new Inbound.MessagePosted(
                        "web",
                        "web-m1",
                        "general",
                        "m1",
                        "",
                        "u-ada",
                        "Ada",
                        "read <b>this</b> https://arxiv.org/abs/2408.14033",
                        true));

        JsonNode reply = ok(
                        "POST",
                        "/api/channels/general/messages",
                        Map.of(
                                "user",
                                "u-bo",
                                "userName",
                                "Bo",
                                "text",
                                "agreed",
                                "threadId",
                                id,
                                "eventId",
                                "client-42"))
                .path("message");
        assertThat(reply.path("threadId").asText()).isEqualTo(id);
        Inbound.MessagePosted posted = (Inbound.MessagePosted) events.get(1);
        assertThat(posted.eventId()).as("a client's own id, scoped to it").isEqualTo("web-client:u-bo:client-42");
        assertThat(posted.threadId()).isEqualTo(id);
        assertThat(posted.mentionsBot()).isTrue();

        JsonNode all = ok("GET", "/api/channels/general/messages", null);
        assertThat(all).extracting(m -> m.path("id").asText()).containsExactly("m1", "m2");
        assertThat(all.get(1).path("userName").asText()).isEqualTo("Bo");
        assertThat(ok("GET", "/api/messages/m2", null).path("text").asText()).isEqualTo("agreed");
        assertThat(chat.mention("u-bo")).isEqualTo("@Bo");
    }

    @Test
    void reactionsAreAddedAndRemoved() throws Exception {
        MessageRef bot = chat.post(new ThreadRef("research", ""), OutboundMessage.text("H1: try an RBF kernel"));
        JsonNode added = ok(
                "POST",
                "/api/messages/" + bot.messageId() + "/reactions",
                Map.of("user", "u-ada", "userName", "Ada", "emoji", "+1"));
        assertThat(added.path("message").path("reactions").path("+1"))
                .extracting(JsonNode::asText)
                .containsExactly("u-ada");
        assertThat(added.path("notice").asText()).isEqualTo("noted ReactionChanged");
        ok("POST", "/api/messages/" + bot.messageId() + "/reactions", Map.of("user", "u-ada", "emoji", "+1"));
        assertThat(events).as("adding it again changes nothing").hasSize(1);

        JsonNode removed = ok(
                "DELETE",
                "/api/messages/" + bot.messageId() + "/reactions/" + enc("+1") + "?user=u-ada&userName=Ada",
                null);
        assertThat(removed.path("message").path("reactions").has("+1")).isFalse();
        assertThat(events)
                .extracting(e -> (Inbound.ReactionChanged) e)
                .extracting(
                        Inbound.ReactionChanged::emoji,
                        Inbound.ReactionChanged::added,
                        Inbound.ReactionChanged::user,
                        Inbound.ReactionChanged::userName,
                        Inbound.ReactionChanged::messageId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("+1", true, "u-ada", "Ada", bot.messageId()),
                        org.assertj.core.groups.Tuple.tuple("+1", false, "u-ada", "Ada", bot.messageId()));
        assertThat(events.get(0).eventId())
                .isNotEqualTo(events.get(1).eventId())
                .startsWith("web-");
        assertThat(call(
                                "POST",
                                "/api/messages/" + bot.messageId() + "/reactions",
                                Map.of("user", "u-ada", "emoji", "<script>"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void buttonsAndCommandsDeliverTheirEventsAndAnswerTheNotice() throws Exception {
        MessageRef bot = chat.post(
                new ThreadRef("research", ""),
                new OutboundMessage(
                        "H1",
                        "idea",
                        List.of(),
                        List.of(new Button("run", "Run experiment", "H1", "primary")),
                        List.of(),
                        ""));
        JsonNode pressed = ok(
                "POST",
                "/api/messages/" + bot.messageId() + "/buttons",
                Map.of("user", "u-ada", "userName", "Ada", "action", "run", "value", "H1"));
        assertThat(pressed.path("notice").asText()).isEqualTo("noted ButtonPressed");
        assertThat(events.get(0)).isInstanceOfSatisfying(Inbound.ButtonPressed.class, b -> {
            assertThat(b.action()).isEqualTo("run");
            assertThat(b.value()).isEqualTo("H1");
            assertThat(b.messageId()).isEqualTo(bot.messageId());
            assertThat(b.channel()).isEqualTo("research");
        });
        assertThat(call(
                                "POST",
                                "/api/messages/" + bot.messageId() + "/buttons",
                                Map.of("user", "u-ada", "action", "discard", "value", "H1"))
                        .statusCode())
                .as("not a button of that message")
                .isEqualTo(400);

        JsonNode command = ok(
                "POST",
                "/api/commands",
                Map.of("channel", "research", "user", "u-bo", "userName", "Bo", "name", "status", "args", " r-1 "));
        assertThat(command.path("notice").asText()).isEqualTo("noted Command");
        assertThat(events.get(1))
                .isEqualTo(
                        new Inbound.Command("web", events.get(1).eventId(), "research", "u-bo", "Bo", "status", "r-1"));
    }

    @Test
    void aPostOrReactionTheBotCouldNotSaveIsTakenBackFromTheChat() throws Exception {
        MessageRef bot = chat.post(new ThreadRef("research", ""), OutboundMessage.text("H1: try an RBF kernel"));
        refuse = new org.mlrcopilot.agents.research.StoreUnavailableException(
                "cannot write to the database: No space left on device", null);
        HttpResponse<String> posted =
                call("POST", "/api/channels/research/messages", Map.of("user", "u-ada", "text", "lost?"));
        HttpResponse<String> reacted = call(
                "POST",
                "/api/messages/" + bot.messageId() + "/reactions",
                Map.of("user", "u-ada", "userName", "Ada", "emoji", "+1"));

        assertThat(posted.statusCode()).isEqualTo(503);
        assertThat(posted.body()).contains("not saved").contains("No space left on device");
        assertThat(reacted.statusCode()).isEqualTo(503);
        refuse = null;
        for (int round = 0; round < 2; round++) {
            JsonNode messages = ok("GET", "/api/channels/research/messages", null);
            assertThat(messages).as("round " + round).hasSize(1);
            assertThat(messages.get(0).path("reactions").path("+1")).isEmpty();
            reopen(); // the journal replays to the same
        }
        JsonNode again = ok(
                "POST",
                "/api/messages/" + bot.messageId() + "/reactions",
                Map.of("user", "u-ada", "userName", "Ada", "emoji", "+1"));
        assertThat(again.path("notice").asText()).as("tried again, it is taken").isEqualTo("noted ReactionChanged");
    }

    @Test
    void withoutAHandlerTheChatAnswers503AndStoresNothing() throws Exception {
        server.close();
        chat.close();
        open(false);
        HttpResponse<String> response =
                call("POST", "/api/channels/general/messages", Map.of("user", "u-ada", "text", "hello"));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"error\"");
        assertThat(ok("GET", "/api/channels/general/messages", null)).isEmpty();
    }

    @Test
    void requestsAreChecked() throws Exception {
        assertThat(call("POST", "/api/channels/nowhere/messages", Map.of("user", "u", "text", "x"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("POST", "/api/channels/general/messages", Map.of("user", "u", "text", " "))
                        .statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/channels/general/messages", Map.of("text", "who?"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/channels/general/messages", Map.of("user", "u", "text", "x", "threadId", "m999"))
                        .statusCode())
                .isEqualTo(400);
        var tooLong = call("POST", "/api/channels/general/messages", Map.of("user", "u", "text", "é".repeat(16_001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body())
                .contains("at most 16,000 characters; this one has 16,001")
                .contains("as a file");
        assertThat(call("POST", "/api/channels/general/messages", Map.of("user", "u", "text", "\u0001".repeat(16_000)))
                        .statusCode())
                .as("the longest message fits the body limit however it is " + "escaped")
                .isEqualTo(200);
        assertThat(call("POST", "/api/channels/general/messages", Map.of("user", "u", "text", "x".repeat(200_000)))
                        .body())
                .contains("16000 characters");
        assertThat(call("POST", "/api/channels", Map.of("name", "Bad Name!")).statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/channels", Map.of("name", "a".repeat(41))).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/messages/m404", null).statusCode()).isEqualTo(404);
        assertThat(events).hasSize(1);
    }

    // --- the bot posts, edits, reacts; browsers see it, live ---

    @Test
    void botPostsUpdatesAndReactionsAreVisible() throws Exception {
        MessageRef root = chat.post(new ThreadRef("research", ""), OutboundMessage.text("Reading the paper…"));
        assertThat(root.threadId()).isEqualTo(root.messageId());
        MessageRef status = chat.post(root.thread(), OutboundMessage.text("queued"));
        chat.update(
                status,
                new OutboundMessage(
                        "Run run-1",
                        "step 3/30",
                        List.of(new Field("Run", "run-1")),
                        List.of(new Button("stop", "Stop", "run-1", "danger")),
                        List.of(),
                        "#4a6fa5"));
        chat.react(root, Emoji.EYES);

        JsonNode m = ok("GET", "/api/messages/" + status.messageId(), null);
        assertThat(m.path("threadId").asText()).isEqualTo(root.messageId());
        assertThat(m.path("title").asText()).isEqualTo("Run run-1");
        assertThat(m.path("text").asText()).isEqualTo("step 3/30");
        assertThat(m.path("edited").asBoolean()).isTrue();
        assertThat(m.path("bot").asBoolean()).isTrue();
        assertThat(m.path("user").asText()).isEqualTo("mlr");
        assertThat(m.path("color").asText()).isEqualTo("#4a6fa5");
        assertThat(m.path("ts").asLong()).isEqualTo(T0.toEpochMilli());
        assertThat(m.path("fields").get(0).path("label").asText()).isEqualTo("Run");
        assertThat(m.path("buttons").get(0).path("style").asText()).isEqualTo("danger");
        assertThat(ok("GET", "/api/messages/" + root.messageId(), null)
                        .path("reactions")
                        .path("eyes"))
                .extracting(JsonNode::asText)
                .containsExactly("mlr");
        assertThat(chat.permalink(status)).isEqualTo("/#/research/" + root.messageId() + "/" + status.messageId());
        assertThatThrownBy(() -> chat.update(new MessageRef("research", "m999", ""), OutboundMessage.text("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void liveEventsCarryUpdates() throws Exception {
        MessageRef status = chat.post(new ThreadRef("research", ""), OutboundMessage.text("queued"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = http.send(
                HttpRequest.newBuilder(uri("/api/events"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (UncheckedIOException e) {
                lines.add("closed: " + e.getMessage());
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(next(lines, "event: hello")).isNotNull();
            chat.update(status, OutboundMessage.text("step 7/30"));
            List<String> event = eventWith(lines, "step 7/30");
            assertThat(event).contains("event: message").anyMatch(l -> l.matches("id: \\d+"));
            ok(
                    "POST",
                    "/api/messages/" + status.messageId() + "/reactions",
                    Map.of("user", "u-ada", "emoji", "rocket"));
            assertThat(eventWith(lines, "\"rocket\":[\"u-ada\"]")).contains("event: reaction");
        } finally {
            stream.body().close();
        }
    }

    @Test
    void oneClientCannotHoldEveryLiveUpdateSlot() throws Exception {
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        try {
            for (int i = 0; i <= EventHub.MAX_PER_PERSON; i++) {
                HttpResponse<Stream<String>> stream = http.send(
                        HttpRequest.newBuilder(uri("/api/events"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
                open.add(stream);
                BlockingQueue<String> lines = new LinkedBlockingQueue<>();
                Thread reader = new Thread(() -> {
                    try {
                        stream.body().forEach(lines::add);
                    } catch (UncheckedIOException e) {
                        lines.add("closed");
                    }
                });
                reader.setDaemon(true);
                reader.start();
                if (i < EventHub.MAX_PER_PERSON) {
                    assertThat(next(lines, "event: hello"))
                            .as("window " + (i + 1))
                            .isNotNull();
                } else {
                    assertThat(next(lines, "event: error"))
                            .as("one window too many")
                            .isNotNull();
                }
            }
        } finally {
            open.forEach(s -> s.body().close());
        }
    }

    @Test
    void aLoneSurrogateIsRefusedAndBreaksNothing() throws Exception {
        for (String body : List.of(
                "{\"user\":\"u-eve\",\"userName\":\"Eve \\ud83d\",\"text\":\"hi\"}",
                "{\"user\":\"u-eve\",\"userName\":\"Eve\",\"text\":\"x \\udc00 y\"}",
                "{\"user\":\"u-eve\",\"userName\":\"Eve\",\"text\":\"hi\",\"files\":[\"\\ud800\"]}")) {
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(uri("/api/channels/research/messages"))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.body()).contains("lone UTF-16 surrogate");
        }
        JsonNode fine = ok(
                "POST",
                "/api/channels/research/messages",
                Map.of("user", "u-eve", "userName", "Eve 😀".repeat(20), "text", "still here"));
        assertThat(fine.at("/message/userName").asText())
                .as("a name cut to 80 never splits a character")
                .satisfies(n -> assertThat(Character.isHighSurrogate(n.charAt(n.length() - 1)))
                        .isFalse());
        assertThat(ok("GET", "/api/channels/research/messages", null).toString())
                .contains("still here");
    }

    /** The lines of the next event whose data contains {@code text}. */
    private static List<String> eventWith(BlockingQueue<String> lines, String text) throws InterruptedException {
        List<String> event = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (!line.isEmpty()) {
                event.add(line);
            } else if (event.stream().anyMatch(l -> l.startsWith("data:") && l.contains(text))) {
                return event;
            } else {
                event.clear();
            }
        }
        throw new AssertionError("no event with " + text);
    }

    private static String next(BlockingQueue<String> lines, String wanted) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (wanted.equals(line)) {
                return line;
            }
        }
        return null;
    }

    // --- attachments ---

    @Test
    void attachmentsAreCopiedAndServedWithTheirType() throws Exception {
        Path run = Files.createDirectories(dir.resolve("runs/run-1"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        Files.write(run.resolve("accuracy.png"), png);
        Files.writeString(run.resolve("page.html"), "<script>alert(1)</script>");
        MessageRef m = chat.post(
                new ThreadRef("research", ""),
                OutboundMessage.text("Results")
                        .withAttachments(List.of(
                                new Attachment("accuracy.png", "image/png", run.resolve("accuracy.png")),
                                new Attachment("../page.html", "text/html", run.resolve("page.html")))));
        Files.delete(run.resolve("accuracy.png"));

        JsonNode files = ok("GET", "/api/messages/" + m.messageId(), null).path("attachments");
        assertThat(files.get(0).path("url").asText()).isEqualTo("/files/" + m.messageId() + "/accuracy.png");
        assertThat(files.get(1).path("name").asText()).isEqualTo("page.html");
        assertThat(dir.resolve("web/files/" + m.messageId() + "/accuracy.png")).exists();
        HttpResponse<byte[]> image = http.send(
                HttpRequest.newBuilder(uri(files.get(0).path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.body()).isEqualTo(png);
        HttpResponse<String> html = call("GET", files.get(1).path("url").asText(), null);
        assertThat(html.headers().firstValue("Content-Disposition")).hasValue("attachment");
        assertThat(html.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(p -> assertThat(p).contains("sandbox"));
    }

    @Test
    void pathTraversalIsRefused() throws Exception {
        MessageRef m = chat.post(new ThreadRef("research", ""), OutboundMessage.text("x"));
        Files.writeString(dir.resolve("web/secret.txt"), "top secret");
        for (String path : List.of(
                "/files/" + m.messageId() + "/..%2F..%2Fchat.jsonl",
                "/files/" + m.messageId() + "/%2e%2e%2f%2e%2e%2fsecret.txt",
                "/files/..%2Fweb/secret.txt",
                "/files/" + m.messageId() + "/../../secret.txt",
                "/static/..%2F..%2Fweb%2Fapp.js",
                "/files/%2e%2e/secret.txt")) {
            HttpResponse<String> response = call("GET", path, null);
            assertThat(response.statusCode()).as(path).isBetween(400, 404);
            assertThat(response.body()).as(path).doesNotContain("top secret").doesNotContain("\"op\"");
        }
    }

    // --- durability ---

    @Test
    void theJournalIsReplayedAndIdsContinue() throws Exception {
        ok("POST", "/api/channels", Map.of("name", "papers-2026"));
        String root = ok(
                        "POST",
                        "/api/channels/papers-2026/messages",
                        Map.of("user", "u-ada", "userName", "Ada", "text", "hello"))
                .path("message")
                .path("id")
                .asText();
        MessageRef bot = chat.post(new ThreadRef("papers-2026", root), OutboundMessage.text("hi"));
        chat.update(bot, OutboundMessage.text("hi, Ada"));
        ok(
                "POST",
                "/api/messages/" + bot.messageId() + "/reactions",
                Map.of("user", "u-bo", "userName", "Bo", "emoji", "+1"));
        ok("POST", "/api/messages/" + bot.messageId() + "/reactions", Map.of("user", "u-ada", "emoji", "rocket"));
        ok("DELETE", "/api/messages/" + bot.messageId() + "/reactions/rocket?user=u-ada", null);
        JsonNode before = ok("GET", "/api/channels/papers-2026/messages", null);

        reopen();
        assertThat(ok("GET", "/api/channels", null))
                .extracting(JsonNode::asText)
                .containsExactly("general", "research", "papers-2026");
        assertThat(ok("GET", "/api/channels/papers-2026/messages", null)).isEqualTo(before);
        assertThat(before.get(1).path("text").asText()).isEqualTo("hi, Ada");
        assertThat(before.get(1).path("reactions").toString()).isEqualTo("{\"+1\":[\"u-bo\"]}");
        assertThat(chat.mention("u-bo")).isEqualTo("@Bo");
        assertThat(chat.post(new ThreadRef("general", ""), OutboundMessage.text("next"))
                        .messageId())
                .isEqualTo("m3");
        assertThat(Files.readAllLines(dir.resolve("web/chat.jsonl")))
                .extracting(l -> JSON.readTree(l).path("op").asText())
                .contains("channel", "post", "update", "react", "unreact", "user");
    }

    @Test
    void aLongJournalIsCompactedAtStartUpAndLosesNothing() throws Exception {
        String root = ok(
                        "POST",
                        "/api/channels/research/messages",
                        Map.of("user", "u-ada", "userName", "Ada", "text", "a paper"))
                .path("message")
                .path("id")
                .asText();
        MessageRef status = chat.post(new ThreadRef("research", root), OutboundMessage.text("queued"));
        for (int step = 1; step <= 600; step++) {
            chat.update(status, OutboundMessage.text("running step " + step + "/600"));
        }
        ok(
                "POST",
                "/api/messages/" + status.messageId() + "/reactions",
                Map.of("user", "u-bo", "userName", "Bo", "emoji", "+1"));
        JsonNode before = ok("GET", "/api/channels/research/messages", null);
        Path journal = dir.resolve("web/chat.jsonl");
        assertThat(Files.readAllLines(journal)).hasSizeGreaterThan(600);

        reopen();
        List<String> lines = Files.readAllLines(journal);
        assertThat(lines).as("channels, two messages, names").hasSizeLessThan(10);
        assertThat(ok("GET", "/api/channels/research/messages", null)).isEqualTo(before);
        assertThat(before.get(1).path("text").asText()).isEqualTo("running step 600/600");
        assertThat(chat.mention("u-bo")).isEqualTo("@Bo");
        assertThat(chat.post(new ThreadRef("general", ""), OutboundMessage.text("next"))
                        .messageId())
                .isEqualTo("m3");
        reopen();
        assertThat(ok("GET", "/api/channels/research/messages", null)).isEqualTo(before);
        assertThat(Files.readAllLines(journal))
                .as("appends continue after compaction")
                .hasSize(lines.size() + 1);
    }

    // --- pages and dashboard ---

    @Test
    void pagesUseTheSafeMarkdownRenderer() throws Exception {
        HttpResponse<String> index = call("GET", "/", null);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(index.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(p -> assertThat(p).contains("default-src 'self'"));
        assertThat(index.body())
                .contains("<script src=\"/static/markdown.js\"></script>")
                .contains("/static/app.js")
                .contains("id=\"display-name\"")
                .contains("id=\"composer\"");
        HttpResponse<String> markdown = call("GET", "/static/markdown.js", null);
        assertThat(markdown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(markdown.body()).contains("function escape(");
        for (String page : List.of(
                "/run.html",
                "/researches.html",
                "/static/app.js",
                "/static/style.css",
                "/static/run.js",
                "/static/researches.js")) {
            assertThat(call("GET", page, null).statusCode()).as(page).isEqualTo(200);
        }
        assertThat(call("GET", "/static/nothing.js", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theDashboardShowsResearchesAndRuns() throws Exception {
        store.save(new Research(
                "r-1",
                "https://arxiv.org/abs/2408.14033",
                "u-ada",
                "web",
                "web",
                ResearchStatus.RUNNING,
                "running H1",
                "A paper",
                T0,
                T0));
        Path runDir = Files.createDirectories(dir.resolve("runs/run-1"));
        Files.write(
                runDir.resolve("trace.jsonl"),
                IntStream.rangeClosed(1, 250)
                        .mapToObj(i -> "{\"step\":" + i + "}")
                        .toList());
        ResearchRun run = new ResearchRun(
                "run-1",
                "r-1",
                "H1",
                1,
                "digits",
                "u-ada",
                "u-bo",
                RunStatus.RUNNING,
                2,
                30,
                runDir.toString(),
                null,
                T0,
                T0);
        store.save(run);
        store.add(
                "run-1",
                new StepRecord(
                        1,
                        "execute_script",
                        "{\"script_name\":\"train.py\"}",
                        "accuracy 0.91",
                        List.of(),
                        100,
                        1200,
                        300,
                        4500));
        store.link(new MessageLink("web", "research", "m1", "m1", "r-1", MessageRole.parse("root")));
        store.usage()
                .record(new Usage(
                        "r-1", "web", "main", "gpt-x", 1000, 200, 0, Duration.ofMillis(900), "ok", 0.0125, T0));

        JsonNode researches = ok("GET", "/api/researches", null);
        assertThat(researches).hasSize(1);
        JsonNode r = researches.get(0);
        assertThat(r.path("id").asText()).isEqualTo("r-1");
        assertThat(r.path("status").asText()).isEqualTo("RUNNING");
        assertThat(r.path("thread").asText()).isEqualTo("research/m1");
        assertThat(r.path("runs").get(0).path("step").asInt()).isEqualTo(2);
        assertThat(r.path("usage").path("tokens").asLong()).isEqualTo(1200);
        assertThat(r.path("usage").path("costUsd").asDouble()).isEqualTo(0.0125);

        JsonNode page = ok("GET", "/api/runs/run-1", null);
        assertThat(page.path("steps").get(0).path("action").asText()).isEqualTo("execute_script");
        assertThat(page.path("log")).hasSize(200);
        assertThat(page.path("log").get(199).asText()).isEqualTo("{\"step\":250}");
        assertThat(page.has("result")).isFalse();

        store.save(run.finished(
                RunStatus.DONE,
                new ExperimentResult(
                        0.91,
                        0.95,
                        4.4,
                        Boolean.FALSE,
                        "accuracy",
                        "RBF wins",
                        List.of(),
                        List.of("accuracy.png"),
                        "diff",
                        runDir.resolve("trace.jsonl"),
                        1,
                        StopReason.FINAL_ANSWER),
                T0.plusSeconds(60)));
        JsonNode done = ok("GET", "/api/runs/run-1", null);
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(done.path("result").path("baseline").asDouble()).isEqualTo(0.91);
        assertThat(done.path("result").path("final").asDouble()).isEqualTo(0.95);
        assertThat(call("GET", "/api/runs/run-404", null).statusCode()).isEqualTo(404);
    }

    // --- HTTP helpers ---

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> call(String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .method(method, publisher)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = call(method, path, body);
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
