package org.mlrcopilot.bot.chat.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.InboundFile;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord through JDA: a paper link in a watched channel (or a mention) starts a research in a thread created from
 * the message; everything else goes into that thread. A Discord thread started from a message has the message's
 * id, so our {@link ThreadRef} (parent channel, root message id) names it directly. Calls are made one at a time
 * with {@code complete()}: JDA waits out a rate limit (429) and makes the same call again, so a research's later
 * messages, queued behind it, keep their order. Missing permissions are said once, in the channel and the log.
 */
public final class DiscordPlatform implements ChatPlatform {

    private static final Logger LOG = LoggerFactory.getLogger("mlr.discord");

    private final Settings settings;
    /** The names people went by when they last acted here, by user id. */
    private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    private final DiscordNotices notices;
    private final DiscordThreads threads;
    private final DiscordChannels channels;
    private final DiscordApprovers approvers;
    private volatile DiscordEvents events;
    private volatile JDA jda;
    private volatile boolean readsContent = true;

    /**
     * @param apiUrl       the REST base URL, e.g. https://discord.com/api/v10/
     * @param gatewayUrl   the gateway's WebSocket URL, "" for Discord's own
     * @param channels     channel names or ids where a paper link starts a research without a mention
     * @param approverRole the id of the role whose members approve runs, "" to leave it to service.approvers
     * @param webBase      the web view's base URL, for links to pages too long for Discord
     * @param fetch        the rules for downloading the files people attach (from Discord's CDN)
     */
    public record Settings(
            String apiUrl,
            String gatewayUrl,
            String token,
            List<String> channels,
            String approverRole,
            String webBase,
            FetchPolicy fetch) {
        public Settings {
            channels = List.copyOf(channels);
            approverRole = approverRole == null ? "" : approverRole.strip();
            fetch = fetch == null ? FetchPolicy.defaults() : fetch;
        }

        @Override
        public String toString() {
            return "Settings[apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl + ", channels=" + channels + "]";
        }
    }

    public DiscordPlatform(Settings settings) {
        this.settings = settings;
        this.notices = new DiscordNotices(() -> jda);
        this.threads = new DiscordThreads(() -> jda, notices);
        this.channels = new DiscordChannels(settings.channels(), notices);
        this.approvers = new DiscordApprovers(settings.approverRole(), () -> jda);
    }

    /** An attachment's bytes from its CDN URL, through the guarded client. */
    @Override
    public byte[] download(InboundFile file, long maxBytes) {
        try (GuardedHttpClient http = new GuardedHttpClient(settings.fetch().withMaxBytes(maxBytes))) {
            return http.get(FetchRequest.get(file.location()).retries(2)).body();
        }
    }

    @Override
    public String name() {
        return "discord";
    }

    @Override
    public void start(InboundHandler handler) {
        this.events = new DiscordEvents(this, handler);
    }

    /**
     * Logs in (the token is checked at once) and connects to the gateway in the background. When Discord refuses
     * the privileged Message Content intent, the bot connects again without it and says so in its channels.
     */
    public void connect() {
        if (events == null) {
            throw new IllegalStateException("start the platform before connecting");
        }
        jda = build(true);
    }

    private JDA build(boolean withContent) {
        EnumSet<GatewayIntent> intents =
                EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.GUILD_MESSAGE_REACTIONS);
        if (withContent) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        readsContent = withContent;
        JDABuilder builder = JDABuilder.createLight(settings.token(), intents)
                .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()))
                .setEnableShutdownHook(false)
                .addEventListeners(events);
        if (!settings.gatewayUrl().isBlank()) {
            builder.setSessionController(new Gateway(settings.gatewayUrl())).setCompression(Compression.NONE);
        }
        return builder.build();
    }

    /** Discord refused the Message Content intent (close code 4014): connect again without it. */
    void contentRefused() {
        if (!readsContent) {
            return;
        }
        LOG.warn("Discord refused the Message Content intent: enable \"Message Content Intent\" in "
                + "the Developer Portal (Bot page). Until then only messages that mention the bot are read.");
        notices.later(() -> {
            try {
                if (notices.stopped()) {
                    return;
                }
                jda = build(false);
                if (notices.stopped()) {
                    jda.shutdownNow();
                }
            } catch (RuntimeException e) {
                LOG.error("discord: cannot connect again without the Message Content intent: " + e.getMessage());
            }
        });
    }

    boolean readsContent() {
        return readsContent;
    }

    /** The watched channels the bot can see, checked for the permissions it needs (said once when missing). */
    void checkChannels() {
        channels.check(jda, readsContent);
    }

    boolean watched(GuildMessageChannel channel) {
        return channels.watched(channel);
    }

    void rolesOf(Member member) {
        approvers.rolesOf(member);
    }

    @Override
    public Optional<Approval> approval(String channel, String user) {
        return approvers.approval(user);
    }

    @Override
    public MessageRef post(ThreadRef thread, OutboundMessage message) {
        GuildMessageChannel target = threads.where(thread, message);
        MessageCreateData data = create(message);
        Message sent = target.sendMessage(data).complete();
        if (thread.threadId().isBlank()) {
            return new MessageRef(thread.channel(), sent.getId(), sent.getId());
        }
        if (target instanceof ThreadChannel t
                && "brief".equals(message.metadata().get("role"))
                && !message.title().isBlank()) {
            threads.rename(t, message.title().replaceFirst("^Brief: ", ""));
        }
        return new MessageRef(thread.channel(), sent.getId(), thread.threadId());
    }

    private MessageCreateData create(OutboundMessage message) {
        return DiscordMessages.of(DiscordMessages.absolute(message, settings.webBase()), settings.webBase());
    }

    @Override
    public void update(MessageRef message, OutboundMessage replacement) {
        GuildMessageChannel channel = threads.channelOf(message);
        channel.editMessageById(message.messageId(), MessageEditData.fromCreateData(create(replacement)))
                .complete();
    }

    @Override
    public void react(MessageRef message, String emoji) {
        threads.channelOf(message)
                .addReactionById(
                        message.messageId(),
                        net.dv8tion.jda.api.entities.emoji.Emoji.fromUnicode(DiscordEmoji.unicode(emoji)))
                .complete();
    }

    void seen(String user, String name) {
        if (names.size() < 100_000 || names.containsKey(user)) {
            names.put(user, name);
        }
    }

    @Override
    public java.util.Optional<String> displayName(String userId) {
        return java.util.Optional.ofNullable(names.get(userId));
    }

    /** The server (guild) the channel or thread is in. */
    @Override
    public String team(String channel) {
        JDA current = jda;
        var found = current == null ? null : current.getGuildChannelById(channel);
        return found == null ? name() : name() + ":" + found.getGuild().getId();
    }

    @Override
    public String permalink(MessageRef message) {
        GuildMessageChannel channel = threads.channelOf(message);
        return "https://discord.com/channels/" + channel.getGuild().getId() + "/" + channel.getId() + "/"
                + message.messageId();
    }

    /** A note to one person would be a direct message: acknowledgements are reactions instead. */
    @Override
    public boolean whispers() {
        return false;
    }

    @Override
    public String mention(String userId) {
        return "<@" + userId + ">";
    }

    /** Tells one person something only they should see (a direct message; in the thread if DMs are closed). */
    void tell(GuildMessageChannel where, String userId, String text) {
        notices.tell(where, userId, text);
    }

    @Override
    public void stop() {
        notices.stop();
        JDA current = jda;
        if (current != null) {
            current.shutdownNow();
        }
    }

    /** The gateway at a configured address instead of Discord's. */
    private static final class Gateway extends ConcurrentSessionController {
        private final String url;

        Gateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }

    /** A Discord call that failed. */
    static final class DiscordCallException extends RuntimeException {
        DiscordCallException(String message) {
            super(message);
        }
    }
}
