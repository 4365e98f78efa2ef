package org.mlrcopilot.bot.conversation;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.InboundFile;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.ThreadRef;

/**
 * A chat platform whose writes (posts, edits, reactions) are watched: when the latest one failed, the platform is
 * failing, with that failure as the reason, until a write succeeds again. Everything else is the platform's own.
 */
final class WatchedPlatform implements ChatPlatform {

    private final ChatPlatform platform;
    private final AtomicReference<String> failure = new AtomicReference<>();

    WatchedPlatform(ChatPlatform platform) {
        this.platform = platform;
    }

    /** Why the latest write failed, empty when it succeeded (or none was made yet). */
    Optional<String> problem() {
        return Optional.ofNullable(failure.get());
    }

    private <T> T watched(java.util.function.Supplier<T> write) {
        try {
            T result = write.get();
            failure.set(null);
            return result;
        } catch (RuntimeException e) {
            failure.set("writes fail: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            throw e;
        }
    }

    @Override
    public MessageRef post(ThreadRef thread, OutboundMessage message) {
        return watched(() -> platform.post(thread, message));
    }

    @Override
    public void update(MessageRef message, OutboundMessage replacement) {
        watched(() -> {
            platform.update(message, replacement);
            return null;
        });
    }

    @Override
    public void react(MessageRef message, String emoji) {
        watched(() -> {
            platform.react(message, emoji);
            return null;
        });
    }

    @Override
    public String name() {
        return platform.name();
    }

    @Override
    public String team(String channel) {
        return platform.team(channel);
    }

    @Override
    public void start(InboundHandler handler) {
        platform.start(handler);
    }

    @Override
    public byte[] download(InboundFile file, long maxBytes) {
        return platform.download(file, maxBytes);
    }

    @Override
    public Optional<String> displayName(String userId) {
        return platform.displayName(userId);
    }

    @Override
    public String permalink(MessageRef message) {
        return platform.permalink(message);
    }

    @Override
    public String mention(String userId) {
        return platform.mention(userId);
    }

    @Override
    public Optional<Approval> approval(String channel, String user) {
        return platform.approval(channel, user);
    }

    @Override
    public boolean whispers() {
        return platform.whispers();
    }

    @Override
    public void stop() {
        platform.stop();
    }
}
