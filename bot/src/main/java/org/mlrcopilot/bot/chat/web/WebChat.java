package org.mlrcopilot.bot.chat.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.agents.research.ResearchStore;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.mlrcopilot.bot.http.Routes;

/**
 * The built-in web chat: channels, threads, reactions, buttons and attachments in the browser, with live updates
 * over server-sent events, kept in a journal under {@code <dataDir>/web}. The bot's platform with no token needed,
 * and a dashboard (researches, run pages) next to Slack or Discord.
 */
public final class WebChat implements ChatPlatform, AutoCloseable {

    static final String BOT = "mlr";

    private final ChatState state;
    private final EventHub hub = new EventHub();
    private final Path files;
    private final Clock clock;
    private final ChatApi api;
    private volatile InboundHandler handler;

    public WebChat(Path dataDir, ResearchStore store, Clock clock) {
        this.state = new ChatState(dataDir.resolve("web").resolve("chat.jsonl"));
        this.files = dataDir.resolve("web").resolve("files");
        this.clock = clock;
        this.api = new ChatApi(this, state, new Dashboard(store), files);
    }

    /** The HTTP API, the live events and the pages. */
    public Routes routes() {
        return api::register;
    }

    @Override
    public String name() {
        return "web";
    }

    @Override
    public void start(InboundHandler inbound) {
        this.handler = inbound;
    }

    InboundHandler handler() {
        return handler;
    }

    @Override
    public MessageRef post(ThreadRef thread, OutboundMessage message) {
        String id = state.nextId();
        String threadId = thread.threadId().isBlank() ? id : thread.threadId();
        WebMessage m = new WebMessage(id, thread.channel(), threadId, BOT, "MLR-Copilot", true, message.title(),
                message.text(), message.fields(), message.buttons(), copy(id, message.attachments()), message.color(),
                Map.of(), clock.millis(), false);
        publish(m, "message");
        return new MessageRef(thread.channel(), id, threadId);
    }

    @Override
    public void update(MessageRef ref, OutboundMessage replacement) {
        WebMessage m = state.message(ref.messageId()).orElseThrow(
                () -> new IllegalArgumentException("no web chat message " + ref.messageId()));
        publish(m.edited(replacement, copy(m.id(), replacement.attachments())), "message");
    }

    @Override
    public void react(MessageRef ref, String emoji) {
        state.message(ref.messageId()).ifPresent(m -> publish(m.reacted(emoji, BOT, true), "reaction"));
    }

    @Override
    public String permalink(MessageRef ref) {
        return "/#/" + ref.channel() + "/" + ref.threadId() + "/" + ref.messageId();
    }

    @Override
    public String mention(String userId) {
        return "@" + state.nameOf(userId);
    }

    /** Stores the message (new or changed) and tells every open browser. */
    void publish(WebMessage m, String event) {
        state.put(m);
        try {
            hub.broadcast(event, ChatState.JSON.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    EventHub hub() {
        return hub;
    }

    private List<WebMessage.File> copy(String messageId, List<OutboundMessage.Attachment> attachments) {
        List<WebMessage.File> out = new ArrayList<>();
        for (OutboundMessage.Attachment a : attachments) {
            String name = a.name().replaceAll("[^A-Za-z0-9._-]", "_");
            Path target = files.resolve(messageId).resolve(name);
            try {
                Files.createDirectories(target.getParent());
                Files.copy(a.file(), target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the attachment " + a.file(), e);
            }
            out.add(new WebMessage.File(name, a.contentType(), "/files/" + messageId + "/" + name));
        }
        return out;
    }

    @Override
    public void stop() {
        handler = null;
    }

    @Override
    public void close() {
        state.close();
    }
}
