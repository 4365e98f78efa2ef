package org.mlrcopilot.bot.chat.web;

import static org.mlrcopilot.bot.http.WebServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.bot.chat.Inbound;
import org.mlrcopilot.bot.chat.InboundHandler;

/** The web chat's HTTP API: channels, messages, reactions, buttons, commands, live events, files, dashboard. */
final class ChatApi {

    private static final int MAX_TEXT = 16_000;
    private static final String CHANNEL = "[a-z0-9-]{1,40}";

    private final WebChat chat;
    private final ChatState state;
    private final Dashboard dashboard;
    private final Path files;

    ChatApi(WebChat chat, ChatState state, Dashboard dashboard, Path files) {
        this.chat = chat;
        this.state = state;
        this.dashboard = dashboard;
        this.files = files;
    }

    void register(RoutesConfig r) {
        r.get("/", ctx -> page(ctx, "index.html"));
        r.get("/run.html", ctx -> page(ctx, "run.html"));
        r.get("/researches.html", ctx -> page(ctx, "researches.html"));
        r.get("/static/{file}", this::asset);
        r.get("/api/channels", ctx -> json(ctx, state.channels()));
        r.post("/api/channels", this::createChannel);
        r.get("/api/channels/{channel}/messages", ctx -> json(ctx, state.inChannel(ctx.pathParam("channel"))));
        r.post("/api/channels/{channel}/messages", this::postMessage);
        r.get("/api/messages/{id}", ctx -> json(ctx, message(ctx)));
        r.post("/api/messages/{id}/reactions", ctx -> react(ctx, body(ctx).path("emoji").asText(), true));
        r.delete("/api/messages/{id}/reactions/{emoji}", ctx -> react(ctx, ctx.pathParam("emoji"), false));
        r.post("/api/messages/{id}/buttons", this::press);
        r.post("/api/commands", this::command);
        r.sse("/api/events", client -> chat.hub().join(client));
        r.get("/files/{id}/{name}", this::file);
        r.get("/api/researches", ctx -> json(ctx, dashboard.researches()));
        r.get("/api/runs/{id}", ctx -> json(ctx, dashboard.run(ctx.pathParam("id"))));
    }

    private void createChannel(Context ctx) {
        String name = body(ctx).path("name").asText().strip().toLowerCase();
        if (!name.matches(CHANNEL)) {
            bad(ctx, "a channel name is 1-40 lower-case letters, digits or '-'");
            return;
        }
        state.addChannel(name);
        json(ctx, state.channels());
    }

    private void postMessage(Context ctx) {
        String channel = ctx.pathParam("channel");
        JsonNode b = body(ctx);
        String text = b.path("text").asText();
        if (!state.hasChannel(channel) || text.isBlank() || text.length() > MAX_TEXT) {
            bad(ctx, "a message needs a known channel and 1-" + MAX_TEXT + " characters of text");
            return;
        }
        String id = state.nextId();
        String threadId = b.path("threadId").asText("");
        if (!threadId.isBlank() && state.message(threadId).isEmpty()) {
            bad(ctx, "no thread " + threadId);
            return;
        }
        WebMessage m = new WebMessage(id, channel, threadId.isBlank() ? id : threadId, user(b), name(b), false, "",
                text, List.of(), List.of(), List.of(), "", Map.of(), System.currentTimeMillis(), false);
        chat.publish(m, "message");
        String eventId = b.path("eventId").asText("").isBlank() ? "web-" + id : "web-client-" + b.get("eventId").asText();
        String notice = deliver(ctx, new Inbound.MessagePosted("web", eventId, channel, id, threadId, user(b), name(b),
                text, true));
        answer(ctx, m.id(), notice);
    }

    private void react(Context ctx, String emoji, boolean add) {
        WebMessage m = message(ctx);
        if (m == null) {
            return;
        }
        JsonNode b = add ? body(ctx) : null;
        String user = add ? user(b) : ctx.queryParam("user");
        String name = add ? name(b) : ctx.queryParam("userName");
        if (user == null || user.isBlank() || emoji.isBlank() || emoji.length() > 40) {
            bad(ctx, "a reaction needs a user and an emoji");
            return;
        }
        chat.publish(m.reacted(emoji, user, add), "reaction");
        String notice = deliver(ctx, new Inbound.ReactionChanged("web", "web-r-" + state.nextId(), m.channel(), m.id(),
                user, name, emoji, add));
        answer(ctx, m.id(), notice);
    }

    private void press(Context ctx) {
        WebMessage m = message(ctx);
        if (m == null) {
            return;
        }
        JsonNode b = body(ctx);
        String notice = deliver(ctx, new Inbound.ButtonPressed("web", "web-b-" + state.nextId(), m.channel(), m.id(),
                user(b), name(b), b.path("action").asText(), b.path("value").asText()));
        json(ctx, Map.of("notice", notice == null ? "" : notice));
    }

    private void command(Context ctx) {
        JsonNode b = body(ctx);
        String notice = deliver(ctx, new Inbound.Command("web", "web-c-" + state.nextId(),
                b.path("channel").asText("general"), user(b), name(b), b.path("name").asText("help"),
                b.path("args").asText("")));
        json(ctx, Map.of("notice", notice == null ? "" : notice));
    }

    private String deliver(Context ctx, Inbound event) {
        InboundHandler handler = chat.handler();
        if (handler == null) {
            ctx.status(503);
            return "the bot is not running";
        }
        return handler.handle(event);
    }

    private void answer(Context ctx, String messageId, String notice) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", state.message(messageId).orElse(null));
        out.put("notice", notice == null ? "" : notice);
        json(ctx, out);
    }

    private void file(Context ctx) throws IOException {
        WebMessage m = state.message(ctx.pathParam("id")).orElse(null);
        String name = ctx.pathParam("name");
        WebMessage.File f = m == null ? null : m.attachments().stream().filter(a -> a.name().equals(name))
                .findFirst().orElse(null);
        Path path = f == null ? null : files.resolve(m.id()).resolve(f.name()).normalize();
        if (path == null || !path.startsWith(files.normalize()) || !Files.isRegularFile(path)) {
            json(ctx.status(404), Map.of("error", "no such file"));
            return;
        }
        ctx.contentType(f.contentType()).header("X-Content-Type-Options", "nosniff").result(Files.readAllBytes(path));
    }

    private void page(Context ctx, String name) throws IOException {
        ctx.contentType("text/html; charset=utf-8").result(Assets.read(name));
    }

    private void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        if (!name.matches("[a-z-]+\\.(js|css)")) {
            json(ctx.status(404), Map.of("error", "no such file"));
            return;
        }
        ctx.contentType(name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8")
                .result(Assets.read(name));
    }

    private WebMessage message(Context ctx) {
        WebMessage m = state.message(ctx.pathParam("id")).orElse(null);
        if (m == null) {
            json(ctx.status(404), Map.of("error", "no message " + ctx.pathParam("id")));
        }
        return m;
    }

    private static JsonNode body(Context ctx) {
        try {
            return ChatState.JSON.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        } catch (IOException e) {
            return ChatState.JSON.createObjectNode();
        }
    }

    private static String user(JsonNode b) {
        String user = b.path("user").asText("").strip();
        return user.isBlank() ? "anonymous" : clip(user);
    }

    private static String name(JsonNode b) {
        String name = b.path("userName").asText("").strip();
        return name.isBlank() ? user(b) : clip(name);
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) : s;
    }

    private static void bad(Context ctx, String why) {
        json(ctx.status(400), Map.of("error", why));
    }
}
