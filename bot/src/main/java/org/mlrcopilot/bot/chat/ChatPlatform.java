package org.mlrcopilot.bot.chat;

/**
 * A chat the bot lives in: posts, edits, reacts and uploads in threads, and delivers what people do there as
 * {@link Inbound} events. Implementations only translate; they never call a language model or a sandbox.
 * Outbound calls may block briefly on the network; callers run them off the inbound path.
 */
public interface ChatPlatform {

    /** "web", "slack", "discord": stored with every message so a restart finds it again. */
    String name();

    /**
     * The team a channel belongs to, recorded with the researches started there and charged for their model use
     * against the daily budget: {@code slack:T0123} (the workspace), {@code discord:8123…} (the server), {@code web}.
     * The platform's name when the team cannot be known.
     */
    default String team(String channel) {
        return name();
    }

    /** Starts delivering inbound events to {@code handler}, which returns quickly. */
    void start(InboundHandler handler);

    /** Posts in a thread; a {@link ThreadRef} without thread id posts a new root message in the channel. */
    MessageRef post(ThreadRef thread, OutboundMessage message);

    /** Replaces the text, buttons and attachments of a message the bot posted. */
    void update(MessageRef message, OutboundMessage replacement);

    /** Adds the bot's reaction (a canonical emoji name, see {@link Emoji}) to any message. */
    void react(MessageRef message, String emoji);

    /**
     * The bytes of a file a person posted, at most {@code maxBytes}; throws an unchecked exception whose message
     * says why it cannot be had (too large, gone, not allowed).
     */
    default byte[] download(InboundFile file, long maxBytes) {
        throw new UnsupportedOperationException(name() + " does not fetch posted files");
    }

    /** The name a user goes by on this platform, as far as it is known; empty when it is not. */
    default java.util.Optional<String> displayName(String userId) {
        return java.util.Optional.empty();
    }

    /** A link people can open to see the message, "" when the platform has none. */
    default String permalink(MessageRef message) {
        return "";
    }

    /** How to mention a user in message text. */
    default String mention(String userId) {
        return "@" + userId;
    }

    /**
     * The platform's own rule for who approves experiment runs (Discord: a role): empty when it has none and
     * {@code service.approvers} decides.
     */
    default java.util.Optional<Approval> approval(String channel, String user) {
        return java.util.Optional.empty();
    }

    /**
     * Whether a person may approve runs, and who may (for the refusal), e.g. "members of the role Reviewers".
     */
    record Approval(boolean allowed, String who) {}

    /**
     * Whether a short note can reach one person where they are without cluttering anything (Slack's ephemeral
     * messages, the web chat's notice); where it cannot (Discord: only a direct message), acknowledgements are
     * reactions alone.
     */
    default boolean whispers() {
        return true;
    }

    /** Stops delivering events and releases connections. */
    default void stop() {}
}
