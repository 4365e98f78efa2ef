package org.mlrcopilot.bot.chat.discord;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.mlrcopilot.agents.fetch.FetchPolicy;
import org.mlrcopilot.agents.fetch.FetchRequest;
import org.mlrcopilot.agents.fetch.GuardedHttpClient;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.InboundFile;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.ThreadRef;

/**
 * Discord through JDA: a paper link in a watched channel (or a mention) starts a research in a thread created from
 * the message; everything else goes into that thread. A Discord thread started from a message has the message's
 * id, so our {@link ThreadRef} (parent channel, root message id) names it directly. Calls are made one at a time
 * with {@code complete()}: JDA waits out a rate limit (429) and makes the same call again, so a research's later
 * messages, queued behind it, keep their order. Missing permissions are said once, in the channel and the log.
 */
public final class DiscordPlatform implements ChatPlatform {

    private static final System.Logger LOG = System.getLogger("mlr.discord");
    /** What the bot needs in a watched channel, and why (said when it is missing). */
    static final Map<Permission, String> NEEDED = needed();

    private final Settings settings;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> roles = new ConcurrentHashMap<>();
    private final ExecutorService side = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mlr-discord-notices");
        t.setDaemon(true);
        return t;
    });
    /** Research threads that could not be opened: their messages live in the channel (said once). */
    private final Set<String> inChannel = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
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
    public record Settings(String apiUrl, String gatewayUrl, String token, List<String> channels, String approverRole,
                           String webBase, FetchPolicy fetch) {
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
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES,
                GatewayIntent.GUILD_MESSAGE_REACTIONS);
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
        LOG.log(Level.WARNING, "Discord refused the Message Content intent: enable \"Message Content Intent\" in "
                + "the Developer Portal (Bot page). Until then only messages that mention the bot are read.");
        side.execute(() -> {
            try {
                if (stopped) {
                    return;
                }
                jda = build(false);
                if (stopped) {
                    jda.shutdownNow();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "discord: cannot connect again without the Message Content intent: "
                        + e.getMessage());
            }
        });
    }

    boolean readsContent() {
        return readsContent;
    }

    /** The watched channels the bot can see, checked for the permissions it needs (said once when missing). */
    void checkChannels() {
        for (TextChannel channel : jda.getTextChannels()) {
            if (!watched(channel)) {
                continue;
            }
            Member self = channel.getGuild().getSelfMember();
            List<String> missing = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            NEEDED.forEach((permission, why) -> {
                if (!self.hasPermission(channel, permission)) {
                    missing.add(permission.getName() + " (" + why + ")");
                    keys.add("permission:" + permission.getName());
                }
            });
            if (!missing.isEmpty()) {
                problem(channel, keys, "I am missing permissions in #" + channel.getName() + ": "
                        + String.join(", ", missing) + ". A server admin can grant them to my role in the channel's "
                        + "settings.");
            }
            if (!readsContent) {
                problem(channel, List.of("content"), "I cannot read messages here: Discord has not granted me the Message "
                        + "Content intent. Mention me with the link (@" + jda.getSelfUser().getName() + " <link>), "
                        + "or ask the bot's owner to enable \"Message Content Intent\" in the Developer Portal.");
            }
        }
    }

    boolean watched(GuildMessageChannel channel) {
        return settings.channels().stream().map(c -> c.startsWith("#") ? c.substring(1) : c)
                .anyMatch(c -> c.equals(channel.getId()) || c.equalsIgnoreCase(channel.getName()));
    }

    /**
     * Remembers the role ids a person had on their latest event, for approvals (ids only: anyone who may create a
     * role can give it the approver role's name).
     */
    void rolesOf(Member member) {
        if (member != null) {
            Set<String> ids = ConcurrentHashMap.newKeySet();
            member.getRoles().forEach(r -> {
                ids.add(r.getId());
                if (r.getId().equals(settings.approverRole())) {
                    approverRoleName = r.getName();
                }
            });
            roles.put(member.getId(), ids);
        }
    }

    private volatile String approverRoleName = "";

    @Override
    public Optional<Approval> approval(String channel, String user) {
        if (settings.approverRole().isBlank()) {
            return Optional.empty();
        }
        String role = settings.approverRole();
        boolean allowed = roles.getOrDefault(user, Set.of()).contains(role);
        JDA current = jda;
        net.dv8tion.jda.api.entities.Role known = current == null ? null : current.getRoleById(role);
        String name = known != null ? known.getName() : approverRoleName;
        return Optional.of(new Approval(allowed, "someone with the role " + (name.isBlank() ? role : name)));
    }

    @Override
    public MessageRef post(ThreadRef thread, OutboundMessage message) {
        GuildMessageChannel target = where(thread, message);
        MessageCreateData data = create(message);
        Message sent = target.sendMessage(data).complete();
        if (thread.threadId().isBlank()) {
            return new MessageRef(thread.channel(), sent.getId(), sent.getId());
        }
        if (target instanceof ThreadChannel t && "brief".equals(message.metadata().get("role"))
                && !message.title().isBlank()) {
            rename(t, message.title().replaceFirst("^Brief: ", ""));
        }
        return new MessageRef(thread.channel(), sent.getId(), thread.threadId());
    }

    private MessageCreateData create(OutboundMessage message) {
        return DiscordMessages.of(DiscordMessages.absolute(message, settings.webBase()), settings.webBase());
    }

    /** The thread's channel: the thread (created from the root message the first time), else the channel. */
    private GuildMessageChannel where(ThreadRef thread, OutboundMessage message) {
        TextChannel parent = parent(thread.channel());
        if (thread.threadId().isBlank()) {
            return parent;
        }
        ThreadChannel existing = jda.getThreadChannelById(thread.threadId());
        if (existing != null) {
            return open(existing);
        }
        if (inChannel.contains(thread.threadId())) {
            return parent;
        }
        String research = message.metadata().getOrDefault("research", "");
        String name = DiscordMessages.clip("Research " + research, 100).strip();
        try {
            return parent.createThreadChannel(name, thread.threadId())
                    .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK).complete();
        } catch (InsufficientPermissionException e) {
            return answerInChannel(parent, thread.threadId(), e.getPermission(), "missing permission "
                    + e.getPermission().getName());
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS) {
                return archived(parent, thread.threadId()).orElseThrow(() -> new DiscordCallException(
                        "the research's thread " + thread.threadId() + " exists but the bot cannot find it"));
            }
            if (e.getErrorResponse() != ErrorResponse.MISSING_PERMISSIONS
                    && e.getErrorResponse() != ErrorResponse.MISSING_ACCESS) {
                throw new DiscordCallException("cannot create the research's thread: " + e.getMeaning());
            }
            return answerInChannel(parent, thread.threadId(), Permission.CREATE_PUBLIC_THREADS, "Discord says: "
                    + e.getMeaning());
        }
    }

    /** The research's thread cannot be opened: its messages go to the channel from now on, said once. */
    private TextChannel answerInChannel(TextChannel parent, String threadId, Permission missing, String why) {
        inChannel.add(threadId);
        problem(parent, List.of("permission:" + missing.getName()), "I cannot create threads in #"
                + parent.getName() + " (" + why + "), so I answer in the channel. A server admin can grant "
                + "Create Public Threads to my role.");
        return parent;
    }

    private void rename(ThreadChannel thread, String title) {
        try {
            thread.getManager().setName(DiscordMessages.clip(title.strip(), 100)).complete();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot rename thread " + thread.getId() + ": " + e.getMessage());
        }
    }

    @Override
    public void update(MessageRef message, OutboundMessage replacement) {
        GuildMessageChannel channel = channelOf(message);
        channel.editMessageById(message.messageId(), MessageEditData.fromCreateData(create(replacement)))
                .complete();
    }

    @Override
    public void react(MessageRef message, String emoji) {
        channelOf(message).addReactionById(message.messageId(),
                net.dv8tion.jda.api.entities.emoji.Emoji.fromUnicode(DiscordEmoji.unicode(emoji))).complete();
    }

    @Override
    public String permalink(MessageRef message) {
        GuildMessageChannel channel = channelOf(message);
        return "https://discord.com/channels/" + channel.getGuild().getId() + "/" + channel.getId() + "/"
                + message.messageId();
    }

    @Override
    public String mention(String userId) {
        return "<@" + userId + ">";
    }

    /** Where a message lives: the root message in the channel, the others in the thread (if there is one). */
    private GuildMessageChannel channelOf(MessageRef message) {
        TextChannel parent = parent(message.channel());
        if (!message.messageId().equals(message.threadId())) {
            ThreadChannel thread = jda.getThreadChannelById(message.threadId());
            if (thread != null) {
                return open(thread);
            }
            if (inChannel.contains(message.threadId())) {
                return parent;
            }
            Optional<ThreadChannel> archived = archived(parent, message.threadId());
            if (archived.isPresent()) {
                return archived.get();
            }
            inChannel.add(message.threadId()); // no such thread: the research lives in the channel
        }
        return parent;
    }

    /**
     * A research thread Discord archived while nobody wrote in it (it is then no longer among the threads the
     * gateway announces): found in the channel's archived threads and opened again.
     */
    private Optional<ThreadChannel> archived(TextChannel parent, String threadId) {
        try {
            return parent.retrieveArchivedPublicThreadChannels().stream().limit(500)
                    .filter(t -> t.getId().equals(threadId)).findFirst().map(this::open);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot look for archived thread " + threadId + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Un-archives a thread so its messages can be edited again (Discord refuses edits in archived threads). */
    private ThreadChannel open(ThreadChannel thread) {
        if (thread.isArchived() && !thread.isLocked()) {
            thread.getManager().setArchived(false).complete();
        }
        return thread;
    }

    private TextChannel parent(String channelId) {
        TextChannel channel = jda == null ? null : jda.getTextChannelById(channelId);
        if (channel == null) {
            throw new DiscordCallException("channel " + channelId + " is not one the bot can see");
        }
        return channel;
    }

    /**
     * Says a problem once: in the log, and in the channel when the bot may write there. {@code keys} name what is
     * wrong (e.g. a missing permission); a problem whose keys were all said before is not said again.
     */
    void problem(GuildMessageChannel channel, List<String> keys, String text) {
        boolean fresh = false;
        for (String key : keys) {
            fresh |= reported.add(channel.getId() + ":" + key);
        }
        if (!fresh) {
            return;
        }
        LOG.log(Level.WARNING, "discord: " + text);
        later(() -> {
            try {
                if (channel.canTalk()) {
                    channel.sendMessage("⚠️ " + text).complete();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot tell #" + channel.getName() + " about it: " + e.getMessage());
            }
        });
    }

    /** Tells one person something only they should see (a direct message; in the thread if DMs are closed). */
    void tell(GuildMessageChannel where, String userId, String text) {
        later(() -> {
            try {
                jda.openPrivateChannelById(userId).flatMap(dm -> dm.sendMessage(text)).complete();
            } catch (RuntimeException e) {
                try {
                    where.sendMessage(mention(userId) + " " + text).setAllowedMentions(
                            EnumSet.of(Message.MentionType.USER)).complete();
                } catch (RuntimeException again) {
                    LOG.log(Level.WARNING, "cannot tell " + userId + ": " + again.getMessage());
                }
            }
        });
    }

    /** Runs a side call (a notice) off the event thread, unless the platform was stopped. */
    private void later(Runnable call) {
        try {
            if (!stopped) {
                side.execute(call);
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "discord: stopped, a notice is not sent");
        }
    }

    @Override
    public void stop() {
        stopped = true;
        side.shutdownNow();
        JDA current = jda;
        if (current != null) {
            current.shutdownNow();
        }
    }

    private static Map<Permission, String> needed() {
        Map<Permission, String> m = new java.util.LinkedHashMap<>();
        m.put(Permission.VIEW_CHANNEL, "to see the channel");
        m.put(Permission.MESSAGE_SEND, "to answer");
        m.put(Permission.CREATE_PUBLIC_THREADS, "to open a thread per paper");
        m.put(Permission.MESSAGE_SEND_IN_THREADS, "to post in the threads");
        m.put(Permission.MESSAGE_EMBED_LINKS, "for hypotheses and results");
        m.put(Permission.MESSAGE_ATTACH_FILES, "for plots and logs");
        m.put(Permission.MESSAGE_ADD_REACTION, "to mark a paper as seen");
        m.put(Permission.MESSAGE_HISTORY, "to read the thread");
        return java.util.Collections.unmodifiableMap(m);
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
