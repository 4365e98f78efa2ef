package org.mlrcopilot.bot.conversation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.Inbound;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.ThreadRef;

/** A chat platform in memory that records what the bot does and lets a test act as the people. */
final class RecordingPlatform implements ChatPlatform {

    record Posted(MessageRef ref, OutboundMessage message) {}

    final List<Posted> posts = new CopyOnWriteArrayList<>();
    final List<Posted> updates = new CopyOnWriteArrayList<>();
    final List<String> reactions = new CopyOnWriteArrayList<>();
    final Map<String, OutboundMessage> current = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private InboundHandler handler;
    /** When set, posts fail with this message, as a platform that cannot be reached. */
    volatile String postsFail;

    @Override
    public String name() {
        return "test";
    }

    @Override
    public void start(InboundHandler inbound) {
        this.handler = inbound;
    }

    String say(String eventId, String messageId, String threadId, String user, String text) {
        return handler.handle(
                new Inbound.MessagePosted("test", eventId, "c1", messageId, threadId, user, user, text, true));
    }

    String press(String eventId, String messageId, String user, String action, String value) {
        return handler.handle(new Inbound.ButtonPressed("test", eventId, "c1", messageId, user, user, action, value));
    }

    String react(String eventId, String messageId, String user, String emoji, boolean added) {
        return handler.handle(new Inbound.ReactionChanged("test", eventId, "c1", messageId, user, user, emoji, added));
    }

    @Override
    public MessageRef post(ThreadRef thread, OutboundMessage message) {
        if (postsFail != null) {
            throw new IllegalStateException(postsFail);
        }
        MessageRef ref = new MessageRef(thread.channel(), "b" + ids.incrementAndGet(), thread.threadId());
        posts.add(new Posted(ref, message));
        current.put(ref.messageId(), message);
        return ref;
    }

    @Override
    public void update(MessageRef message, OutboundMessage replacement) {
        updates.add(new Posted(message, replacement));
        current.put(message.messageId(), replacement);
    }

    @Override
    public void react(MessageRef message, String emoji) {
        reactions.add(message.messageId() + ":" + emoji);
    }

    List<String> texts() {
        return posts.stream()
                .map(p -> p.message().title() + " "
                        + current.get(p.ref().messageId()).text())
                .toList();
    }
}
