package org.mlrcopilot.bot.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import java.util.List;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.InboundFile;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.mlrcopilot.bot.http.RawEndpoint;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.slf4j.LoggerFactory;

/**
 * Slack through Bolt for Java: events (mentions, messages, reactions), button clicks and the {@code /mlr} command
 * come in through one {@link App} and are translated to our inbound records; posts, edits and reactions go out
 * through the Web API with the bot token. A Web API answer with {@code ok: false} is an error.
 */
public final class SlackPlatform implements ChatPlatform {

    private static final int MAX_ATTEMPTS = 5;

    private final FetchPolicy fetch;
    private final String botToken;
    private final App app;
    private final MethodsClient api;
    private final String webBase;
    private final SlackHandlers handlers;
    private volatile SocketModeApp socket;
    private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService whispers =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "mlr-slack-ephemeral");
                t.setDaemon(true);
                return t;
            });

    /**
     * @param apiUrl   the Web API base URL, e.g. https://slack.com/api/
     * @param channels channel ids where a paper link starts a research without a mention
     * @param webBase  the web view's base URL, for links to pages too long for Slack
     */
    public SlackPlatform(String apiUrl, String botToken, String signingSecret, List<String> channels, String webBase) {
        this(apiUrl, botToken, signingSecret, channels, webBase, FetchPolicy.defaults());
    }

    /** {@code fetch}: the rules for downloading the files people share (Slack's url_private, with the bot token). */
    public SlackPlatform(
            String apiUrl,
            String botToken,
            String signingSecret,
            List<String> channels,
            String webBase,
            FetchPolicy fetch) {
        this.fetch = fetch;
        this.botToken = botToken;
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        config.setPrettyResponseLoggingEnabled(false);
        Slack slack = Slack.getInstance(config);
        this.app = new App(AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(botToken)
                .signingSecret(signingSecret)
                .build());
        this.api = slack.methods(botToken);
        this.webBase = webBase;
        this.handlers = new SlackHandlers(app, channels, this::ephemeral);
        handlers.home(this::publishHome);
        handlers.names(this::nameOf);
    }

    @Override
    public String name() {
        return "slack";
    }

    /** The workspace the bot token belongs to (auth.test, asked once it answers). */
    @Override
    public String team(String channel) {
        String known = team;
        if (known == null) {
            try {
                known = name() + ":"
                        + call(() -> api.authTest(r -> r), "auth.test").getTeamId();
                team = known;
            } catch (RuntimeException e) {
                return name();
            }
        }
        return known;
    }

    /** A shared file's bytes from its url_private_download, with the bot token (scope files:read). */
    @Override
    public byte[] download(InboundFile file, long maxBytes) {
        try (GuardedHttpClient http = new GuardedHttpClient(fetch.withMaxBytes(maxBytes))) {
            return http.get(FetchRequest.get(file.location())
                            .header("Authorization", "Bearer " + botToken)
                            .retries(2))
                    .body();
        }
    }

    private volatile String team;

    @Override
    public void start(InboundHandler handler) {
        handlers.register(handler);
    }

    /**
     * Socket Mode: connects out to Slack with the app-level token (no public URL needed); events arrive over the
     * WebSocket into the same {@link App} and handlers as in http mode.
     */
    public void connect(String appToken) {
        try {
            socket = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
            socket.startAsync();
        } catch (Exception e) {
            throw new SlackCallException("cannot connect to Slack in Socket Mode: " + e.getMessage());
        }
    }

    /** The events URL ({@code POST /slack/events}) for http mode: signature and timestamp checked by Bolt. */
    public RawEndpoint events() {
        return new SlackEventsEndpoint(app);
    }

    @Override
    public MessageRef post(ThreadRef thread, OutboundMessage message) {
        var answer = call(
                () -> api.chatPostMessage(r -> r.channel(thread.channel())
                        .threadTs(thread.threadId().isBlank() ? null : thread.threadId())
                        .text(SlackBlocks.fallback(message))
                        .blocks(SlackBlocks.of(message, webBase))
                        .metadata(metadata(message))
                        .unfurlLinks(false)
                        .unfurlMedia(false)),
                "chat.postMessage");
        MessageRef posted = new MessageRef(
                answer.getChannel(), answer.getTs(), thread.threadId().isBlank() ? answer.getTs() : thread.threadId());
        if (!message.attachments().isEmpty()) {
            upload(posted, message.attachments());
        }
        return posted;
    }

    /** What the message stands for, kept by Slack with it (event type {@code mlr_message}). */
    private static com.slack.api.model.Message.Metadata metadata(OutboundMessage message) {
        if (message.metadata().isEmpty()) {
            return null;
        }
        return com.slack.api.model.Message.Metadata.builder()
                .eventType("mlr_message")
                .eventPayload(new java.util.HashMap<>(message.metadata()))
                .build();
    }

    /** Plots, diffs and traces as files in the thread (the files upload v2 flow). */
    private void upload(MessageRef posted, List<OutboundMessage.Attachment> attachments) {
        List<FilesUploadV2Request.UploadFile> files = attachments.stream()
                .map(a -> FilesUploadV2Request.UploadFile.builder()
                        .file(a.file().toFile())
                        .filename(a.name())
                        .title(a.name())
                        .build())
                .toList();
        try {
            var answer = api.filesUploadV2(
                    r -> r.channel(posted.channel()).threadTs(posted.threadId()).uploadFiles(files));
            if (!answer.isOk()) {
                throw new SlackCallException("files upload failed: " + answer.getError());
            }
        } catch (IOException | SlackApiException | SlackFilesUploadV2Exception e) {
            throw new SlackCallException("files upload failed: " + e.getMessage());
        }
    }

    @Override
    public void update(MessageRef message, OutboundMessage replacement) {
        call(
                () -> api.chatUpdate(r -> r.channel(message.channel())
                        .ts(message.messageId())
                        .text(SlackBlocks.fallback(replacement))
                        .blocks(SlackBlocks.of(replacement, webBase))),
                "chat.update");
    }

    @Override
    public void react(MessageRef message, String emoji) {
        call(
                () -> api.reactionsAdd(r -> r.channel(message.channel())
                        .timestamp(message.messageId())
                        .name(emoji)),
                "reactions.add");
    }

    /** A message only {@code user} sees, e.g. why their approval was refused; sent off the caller's thread. */
    void ephemeral(String channel, String user, String text) {
        whispers.execute(() -> {
            try {
                call(
                        () -> api.chatPostEphemeral(
                                r -> r.channel(channel).user(user).text(text)),
                        "chat.postEphemeral");
            } catch (SlackCallException e) {
                LoggerFactory.getLogger("mlr.slack").warn(e.getMessage());
            }
        });
    }

    /**
     * A user's display name from the cache; the first time, the id, while {@code users.info} is asked off the
     * inbound path.
     */
    String nameOf(String user) {
        if (user == null) {
            return null;
        }
        String known = names.get(user);
        if (known != null) {
            return known;
        }
        if (names.putIfAbsent(user, user) == null) {
            whispers.execute(() -> {
                try {
                    var info = call(() -> api.usersInfo(r -> r.user(user)), "users.info");
                    var profile = info.getUser().getProfile();
                    String display = profile == null ? "" : profile.getDisplayName();
                    String name = display != null && !display.isBlank()
                            ? display
                            : info.getUser().getRealName();
                    if (name != null && !name.isBlank()) {
                        names.put(user, name);
                    }
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger("mlr.slack").warn("users.info " + user + ": " + e);
                }
            });
        }
        return user;
    }

    /** The App Home tab of {@code user}: what the conversation says their home holds. */
    void publishHome(String user, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        whispers.execute(() -> {
            try {
                call(
                        () -> api.viewsPublish(r -> r.userId(user)
                                .view(com.slack.api.model.view.View.builder()
                                        .type("home")
                                        .blocks(SlackBlocks.of(
                                                new OutboundMessage(
                                                        "MLR-Copilot", text, List.of(), List.of(), List.of(), ""),
                                                webBase))
                                        .build())),
                        "views.publish");
            } catch (SlackCallException e) {
                LoggerFactory.getLogger("mlr.slack").warn(e.getMessage());
            }
        });
    }

    @Override
    public void stop() {
        whispers.shutdown();
        if (socket != null) {
            try {
                socket.close();
            } catch (Exception e) {
                LoggerFactory.getLogger("mlr.slack").warn("closing Socket Mode: " + e);
            }
        }
    }

    @Override
    public java.util.Optional<String> displayName(String userId) {
        return java.util.Optional.of(nameOf(userId));
    }

    @Override
    public String permalink(MessageRef message) {
        try {
            return call(
                            () -> api.chatGetPermalink(
                                    r -> r.channel(message.channel()).messageTs(message.messageId())),
                            "chat.getPermalink")
                    .getPermalink();
        } catch (SlackCallException e) {
            return "";
        }
    }

    @Override
    public String mention(String userId) {
        return "<@" + userId + ">";
    }

    private interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    /**
     * Makes a Web API call; a 429 is waited out (its {@code Retry-After}) and the same call made again, so the
     * research's later messages, queued behind it, keep their order.
     */
    private static <T extends SlackApiTextResponse> T call(Call<T> call, String method) {
        for (int attempt = 1; ; attempt++) {
            try {
                T answer = call.run();
                if (!answer.isOk()) {
                    throw new SlackCallException(method + " failed: " + answer.getError());
                }
                return answer;
            } catch (SlackApiException e) {
                if (e.getResponse().code() != 429 || attempt == MAX_ATTEMPTS) {
                    throw new SlackCallException(
                            method + " failed: HTTP " + e.getResponse().code() + " " + e.getResponseBody());
                }
                waitOut(e.getResponse().header("Retry-After"));
            } catch (IOException e) {
                throw new SlackCallException(method + " failed: " + e.getMessage());
            }
        }
    }

    private static void waitOut(String retryAfter) {
        long seconds;
        try {
            seconds = retryAfter == null ? 1 : Math.max(1, Math.min(60, Long.parseLong(retryAfter.strip())));
        } catch (NumberFormatException e) {
            seconds = 1;
        }
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallException("interrupted while waiting out Slack's rate limit");
        }
    }

    /** A Web API call that failed; the message names the method and Slack's error. */
    static final class SlackCallException extends RuntimeException {
        SlackCallException(String message) {
            super(message);
        }
    }
}
