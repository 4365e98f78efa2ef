package org.mlrcopilot.bot.chat.web;

import static org.mlrcopilot.bot.chat.web.Requests.CHANNEL;
import static org.mlrcopilot.bot.chat.web.Requests.EMOJI;
import static org.mlrcopilot.bot.chat.web.Requests.matching;
import static org.mlrcopilot.bot.chat.web.Requests.text;
import static org.mlrcopilot.bot.http.WebServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlrcopilot.bot.chat.Inbound;
import org.mlrcopilot.bot.chat.InboundFile;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.web.Requests.Who;

/**
 * The chat part of the HTTP API: channels, messages, reactions, buttons, commands and the live events. What people
 * do is stored first, then handed to the bot's {@link InboundHandler} on the request thread; its notice is answered.
 */
final class ChatApi {

    static final int MAX_FILES = 10;

    /** The most characters a message holds (the composer counts them too); longer text goes as a file. */
    static final int MAX_TEXT = 16_000;

    private static final int MAX_CHANNELS = 200;

    private final WebChat chat;
    private final ChatState state;

    ChatApi(WebChat chat, ChatState state) {
        this.chat = chat;
        this.state = state;
    }

    void register(RoutesConfig r) {
        r.get("/api/channels", ctx -> json(ctx, state.channels()));
        r.post("/api/channels", this::createChannel);
        r.get("/api/channels/{channel}/messages", ctx -> json(ctx, state.inChannel(channel(ctx.pathParam("channel")))));
        r.post("/api/channels/{channel}/messages", this::postMessage);
        r.post("/api/uploads", this::upload);
        r.get("/api/messages/{id}", ctx -> json(ctx, message(ctx)));
        r.post("/api/messages/{id}/reactions", ctx -> {
            JsonNode b = Requests.body(ctx);
            react(ctx, Requests.who(ctx, b), b.path("emoji").asText(""), true);
        });
        r.delete(
                "/api/messages/{id}/reactions/{emoji}",
                ctx -> react(ctx, Requests.who(ctx), ctx.pathParam("emoji"), false));
        r.post("/api/messages/{id}/buttons", this::press);
        r.post("/api/commands", this::command);
        r.sse("/api/events", chat.hub()::join);
    }

    private void createChannel(Context ctx) {
        String name =
                matching(text(Requests.body(ctx), "name", 40, true).strip().toLowerCase(), CHANNEL, "channel name");
        if (!state.hasChannel(name) && state.channels().size() >= MAX_CHANNELS) {
            throw new BadRequestResponse("there are " + MAX_CHANNELS + " channels already");
        }
        state.addChannel(name);
        json(ctx, state.channels());
    }

    private void postMessage(Context ctx) {
        String channel = channel(ctx.pathParam("channel"));
        JsonNode b = Requests.body(ctx);
        Who who = Requests.who(ctx, b);
        List<InboundFile> files = files(b);
        String text = text(b, "text", Integer.MAX_VALUE, files.isEmpty());
        if (text.length() > MAX_TEXT) {
            throw new BadRequestResponse(tooLong(text.length()));
        }
        String thread = thread(channel, text(b, "threadId", 40, false).strip());
        String eventId = text(b, "eventId", 200, false).strip();
        InboundHandler handler = handler();
        state.name(who.user(), who.name());
        String id = state.nextId();
        List<WebMessage.File> shown = chat.attachments()
                .keep(
                        id,
                        files.stream()
                                .map(f -> new OutboundMessage.Attachment(
                                        f.name(),
                                        f.contentType(),
                                        chat.uploads().file(f.location())))
                                .toList());
        WebMessage m = state.post(
                WebMessage.from(id, channel, thread.isEmpty() ? id : thread, who.user(), who.name(), text, chat.now())
                        .withFiles(shown));
        // a client's own event id (to post again safely) is scoped to that client: it can never name another
        // person's message or one the server numbers later
        String event = eventId.isEmpty() ? "web-" + id : "web-client:" + who.user() + ":" + eventId;
        String notice = taken(
                () -> handler.handle(new Inbound.MessagePosted(
                        WebChat.PLATFORM, event, channel, id, thread, who.user(), who.name(), text, true, files)),
                () -> state.withdraw(id));
        answer(ctx, m, notice);
    }

    /** The uploads a message carries: {@code files} lists their ids (at most {@value #MAX_FILES}). */
    private List<InboundFile> files(JsonNode body) {
        JsonNode ids = body.path("files");
        if (ids.isMissingNode() || ids.isNull()) {
            return List.of();
        }
        if (!ids.isArray() || ids.size() > MAX_FILES) {
            throw new BadRequestResponse("files must be a list of at most " + MAX_FILES + " upload ids");
        }
        List<InboundFile> out = new ArrayList<>();
        for (JsonNode id : ids) {
            Path file = chat.uploads().file(id.asText());
            try {
                out.add(new InboundFile(file.getFileName().toString(), "", Files.size(file), id.asText()));
            } catch (IOException e) {
                throw new NotFoundResponse("no upload " + id.asText());
            }
        }
        return out;
    }

    /**
     * {@code POST /api/uploads?user=&userName=} with the file as the multipart part {@code file} (the browser's
     * form), or {@code ?name=} with the file as the whole body: its upload id, name and size.
     */
    private void upload(Context ctx) {
        Requests.who(ctx);
        io.javalin.http.UploadedFile part = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (ctx.isMultipartFormData() && part == null) {
            throw new BadRequestResponse("send the file as the multipart part \"file\"");
        }
        String name = part != null ? part.filename() : ctx.queryParam("name");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new BadRequestResponse("name the file: ?name=<file name> (at most 200 characters)");
        }
        try (InputStream in = part != null ? part.content() : ctx.bodyInputStream()) {
            String id = chat.uploads().store(name, in);
            Path file = chat.uploads().file(id);
            json(ctx, Map.of("id", id, "name", file.getFileName().toString(), "size", Files.size(file)));
        } catch (IOException e) {
            throw new BadRequestResponse("the upload was cut off: " + e.getMessage());
        }
    }

    /** The root of the thread {@code threadId} names (it may name a reply), "" for none. */
    private String thread(String channel, String threadId) {
        if (threadId.isEmpty()) {
            return "";
        }
        WebMessage m = state.message(threadId)
                .filter(x -> x.channel().equals(channel))
                .orElseThrow(() -> new BadRequestResponse("no thread " + threadId + " in #" + channel));
        return m.threadId();
    }

    private void react(Context ctx, Who who, String emoji, boolean add) {
        WebMessage m = message(ctx);
        matching(emoji, EMOJI, "emoji");
        InboundHandler handler = handler();
        state.name(who.user(), who.name());
        WebMessage now = state.react(m.id(), emoji, who.user(), add).orElse(null);
        if (now == null) {
            answer(ctx, state.message(m.id()).orElse(m), "");
            return;
        }
        String eventId = eventId(add ? "react" : "unreact");
        answer(
                ctx,
                now,
                taken(
                        () -> handler.handle(new Inbound.ReactionChanged(
                                WebChat.PLATFORM, eventId, m.channel(), m.id(), who.user(), who.name(), emoji, add)),
                        () -> state.react(m.id(), emoji, who.user(), !add)));
    }

    /**
     * The handler's answer to a change the chat has recorded. A handler that throws has not taken the event (on
     * Slack or Discord the platform would deliver it again; a full disk is the usual cause): the chat takes its own
     * change back with {@code undo}, so what people see matches the error they get, and the error goes on.
     */
    private static String taken(java.util.function.Supplier<String> handle, Runnable undo) {
        try {
            return handle.get();
        } catch (RuntimeException e) {
            try {
                undo.run();
            } catch (RuntimeException undoFailed) {
                e.addSuppressed(undoFailed);
            }
            throw e;
        }
    }

    private void press(Context ctx) {
        WebMessage m = message(ctx);
        JsonNode b = Requests.body(ctx);
        Who who = Requests.who(ctx, b);
        String action = text(b, "action", 40, true);
        String value = text(b, "value", 60, false);
        if (m.buttons().stream()
                .noneMatch(x -> x.action().equals(action) && x.value().equals(value))) {
            throw new BadRequestResponse("that button is no longer on the message");
        }
        InboundHandler handler = handler();
        state.name(who.user(), who.name());
        notice(
                ctx,
                handler.handle(new Inbound.ButtonPressed(
                        WebChat.PLATFORM,
                        eventId("button"),
                        m.channel(),
                        m.id(),
                        who.user(),
                        who.name(),
                        action,
                        value)));
    }

    private void command(Context ctx) {
        JsonNode b = Requests.body(ctx);
        Who who = Requests.who(ctx, b);
        String channel = channel(
                text(b, "channel", 40, false).isBlank()
                        ? "general"
                        : b.path("channel").asText());
        String name = matching(text(b, "name", 40, true).strip().toLowerCase(), "[a-z][a-z0-9_-]{0,39}", "command");
        String args = text(b, "args", 4_000, false);
        InboundHandler handler = handler();
        state.name(who.user(), who.name());
        notice(
                ctx,
                handler.handle(new Inbound.Command(
                        WebChat.PLATFORM, eventId("command"), channel, who.user(), who.name(), name, args)));
    }

    private InboundHandler handler() {
        InboundHandler handler = chat.handler();
        if (handler == null) {
            throw new ServiceUnavailableResponse("the bot is not running");
        }
        return handler;
    }

    private String channel(String name) {
        if (!name.matches(CHANNEL) || !state.hasChannel(name)) {
            throw new NotFoundResponse("no channel #" + name);
        }
        return name;
    }

    private WebMessage message(Context ctx) {
        String id = ctx.pathParam("id");
        return state.message(id).orElseThrow(() -> new NotFoundResponse("no message " + id));
    }

    /** Reactions, buttons and commands cannot be retried by the browser: a fresh id each (never reused). */
    private static String eventId(String kind) {
        return "web-" + kind + "-" + UUID.randomUUID();
    }

    private static void answer(Context ctx, WebMessage m, String notice) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", m);
        out.put("notice", notice == null ? "" : notice);
        json(ctx, out);
    }

    private static void notice(Context ctx, String notice) {
        json(ctx, Map.of("notice", notice == null ? "" : notice));
    }

    /** The one answer to a message over the limit, whatever its size. */
    static String tooLong(int length) {
        return String.format(
                java.util.Locale.ROOT,
                "A message holds at most %,d characters; this one has %,d. Send " + "the text as a file (📎) instead.",
                MAX_TEXT,
                length);
    }
}
