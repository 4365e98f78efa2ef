package org.mlrcopilot.bot.chat.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.InboundFile;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.mlrcopilot.bot.http.Routes;

/**
 * The built-in web chat: channels, threads, reactions, buttons and attachments in the browser, with live updates
 * over server-sent events, kept in a journal under {@code <dataDir>/web} ({@code chat.jsonl}, {@code files/}).
 * The bot's platform with no token needed, next to Slack or Discord (the dashboard of researches and run pages
 * beside it is {@code bot.http.Dashboard}).
 * No login: a tool for one machine or a team's LAN. Thread-safe.
 */
public final class WebChat implements ChatPlatform, AutoCloseable {

    static final String PLATFORM = "web";
    static final String BOT = "mlr";
    static final String BOT_NAME = "MLR-Copilot";

    private final EventHub hub = new EventHub();
    private final ChatState state;
    private final Attachments attachments;
    private final Uploads uploads;
    private final Clock clock;
    private final Routes routes;
    private volatile InboundHandler handler;

    public WebChat(Path dataDir, Clock clock) {
        Path web = dataDir.resolve("web");
        this.state = new ChatState(web.resolve("chat.jsonl"), hub::broadcast);
        this.attachments = new Attachments(web.resolve("files"));
        this.uploads = new Uploads(web.resolve("uploads"));
        this.clock = clock;
        ChatApi api = new ChatApi(this, state);
        Pages pages = new Pages(state, web.resolve("files"));
        this.routes = r -> {
            api.register(r);
            pages.register(r);
        };
    }

    /** The HTTP API, the live events, the pages and the attachments, for the {@code WebServer}. */
    public Routes routes() {
        return routes;
    }

    @Override
    public String name() {
        return PLATFORM;
    }

    @Override
    public void start(InboundHandler inbound) {
        this.handler = inbound;
    }

    @Override
    public MessageRef post(ThreadRef thread, OutboundMessage message) {
        String id = state.nextId();
        String threadId = thread.threadId().isBlank() ? id : thread.threadId();
        state.post(new WebMessage(
                id,
                thread.channel(),
                threadId,
                BOT,
                BOT_NAME,
                true,
                message.title(),
                message.text(),
                message.fields(),
                message.buttons(),
                attachments.keep(id, message.attachments()),
                message.color(),
                Map.of(),
                clock.millis(),
                false,
                1));
        return new MessageRef(thread.channel(), id, threadId);
    }

    @Override
    public byte[] download(InboundFile file, long maxBytes) {
        Path path = uploads.file(file.location());
        try {
            if (Files.size(path) > maxBytes) {
                throw new IllegalArgumentException("larger than " + maxBytes / 1_000_000 + " MB");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload " + file.name(), e);
        }
    }

    Uploads uploads() {
        return uploads;
    }

    Attachments attachments() {
        return attachments;
    }

    @Override
    public void update(MessageRef ref, OutboundMessage replacement) {
        var files = attachments.keep(ref.messageId(), replacement.attachments());
        state.update(ref.messageId(), m -> m.edited(replacement, files))
                .orElseThrow(() -> new IllegalArgumentException("no web chat message " + ref.messageId()));
    }

    @Override
    public void react(MessageRef ref, String emoji) {
        state.react(ref.messageId(), emoji, BOT, true);
    }

    @Override
    public java.util.Optional<String> displayName(String userId) {
        return java.util.Optional.of(state.nameOf(userId));
    }

    @Override
    public String permalink(MessageRef ref) {
        return "/#/" + ref.channel() + "/" + ref.threadId() + "/" + ref.messageId();
    }

    @Override
    public String mention(String userId) {
        return "@" + state.nameOf(userId);
    }

    @Override
    public void stop() {
        handler = null;
    }

    /** Stops the live events and closes the journal. */
    @Override
    public void close() {
        stop();
        hub.close();
        state.close();
    }

    InboundHandler handler() {
        return handler;
    }

    EventHub hub() {
        return hub;
    }

    long now() {
        return clock.millis();
    }
}
