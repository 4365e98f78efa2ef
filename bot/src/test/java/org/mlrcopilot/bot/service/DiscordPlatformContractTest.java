package org.mlrcopilot.bot.service;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.ChatPlatformContract;
import org.mlrcopilot.bot.chat.Emoji;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage.Button;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.mlrcopilot.bot.chat.discord.DiscordPlatform;

/**
 * The chat platform contract for Discord: the real {@link DiscordPlatform} (JDA) logged in to the fake Discord's
 * REST API and connected to its gateway. What the chat shows is the fake's messages (the root in the channel, the
 * rest in the thread started from it) and the reactions the bot put on them; people act through gateway events.
 */
class DiscordPlatformContractTest extends ChatPlatformContract {

    private static final String ANN = "910000000000000001";
    /** The emoji Discord shows for our canonical names. */
    private static final Map<String, String> UNICODE =
            Map.of(Emoji.EYES, "👀", Emoji.THUMBS_UP, "👍", Emoji.ROCKET, "🚀");

    private FakeDiscord discord;

    @Override
    protected ChatPlatform start(InboundHandler handler) {
        discord = new FakeDiscord();
        DiscordPlatform platform = new DiscordPlatform(new DiscordPlatform.Settings(
                discord.apiUrl(),
                discord.gatewayUrl(),
                FakeDiscord.TOKEN,
                List.of("papers"),
                "",
                "https://mlr.example.org/",
                null));
        platform.start(handler);
        platform.connect();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> platform.team(FakeDiscord.CHANNEL).contains(":")
                        && !discord.calls("PUT", "applications/\\d+/commands").isEmpty());
        return platform;
    }

    @Override
    protected void close() {
        if (discord != null) {
            discord.close();
        }
    }

    @Override
    protected String channel() {
        return FakeDiscord.CHANNEL;
    }

    @Override
    protected String person() {
        return ANN;
    }

    @Override
    protected String expectedTeam() {
        return "discord:" + FakeDiscord.GUILD;
    }

    /** The root message in the channel, then the messages of the thread Discord started from it. */
    @Override
    protected List<Shown> thread(MessageRef root) {
        return Stream.concat(
                        discord.messagesIn(root.channel()).stream()
                                .filter(m -> m.path("id").asText().equals(root.threadId())),
                        discord.messagesIn(root.threadId()).stream())
                .map(DiscordPlatformContractTest::shown)
                .toList();
    }

    /** A message as Discord shows it: its content, or its embed's text; its buttons; its files. */
    private static Shown shown(JsonNode m) {
        String content = m.path("content").asText("");
        JsonNode embed = m.path("embeds").path(0);
        String text = !content.isBlank() || embed.isMissingNode()
                ? content
                : embed.path("description").asText("");
        List<ShownButton> buttons = new ArrayList<>();
        m.path("components")
                .forEach(row -> row.path("components").forEach(b -> {
                    String[] id = b.path("custom_id").asText().split(":", 3);
                    buttons.add(new ShownButton(id[1], id[2], b.path("label").asText()));
                }));
        List<String> files = new ArrayList<>();
        m.path("attachments").forEach(a -> files.add(a.path("filename").asText()));
        return new Shown(
                m.path("id").asText(),
                m.path("author").path("bot").asBoolean(),
                m.path("author").path("id").asText(),
                text,
                buttons,
                files);
    }

    @Override
    protected List<String> botReactions(MessageRef message) {
        return discord.calls("PUT", "channels/\\d+/messages/" + message.messageId() + "/reactions/.+/@me").stream()
                .map(c -> c.path().replaceFirst("^.*/reactions/", "").replaceFirst("/@me$", ""))
                .toList();
    }

    @Override
    protected String shownEmoji(String canonical) {
        return UNICODE.get(canonical);
    }

    /** Where a message lives on Discord: a root in the channel, the others in the thread named by the root. */
    private static String where(MessageRef message) {
        return message.messageId().equals(message.threadId()) ? message.channel() : message.threadId();
    }

    @Override
    protected MessageRef say(ThreadRef thread, String text) {
        String where = thread.threadId().isBlank() ? thread.channel() : thread.threadId();
        String id = discord.say(where, ANN, "ann", List.of(), text, false);
        return new MessageRef(thread.channel(), id, thread.threadId());
    }

    @Override
    protected void react(MessageRef message, String emoji) {
        discord.react(where(message), message.messageId(), ANN, "ann", List.of(), UNICODE.get(emoji), true);
    }

    @Override
    protected void press(MessageRef message, Button button) {
        discord.press(
                where(message),
                message.messageId(),
                "mlr:" + button.action() + ":" + button.value(),
                ANN,
                "ann",
                List.of());
    }

    @Override
    protected String mentionMarkup(String user) {
        return "<@" + user + ">";
    }

    /**
     * Discord's gateway sends an event once per session and the fake gateway does not resume sessions (where Discord
     * would replay what was missed): there is no second delivery to check here.
     */
    @Override
    protected boolean redelivers() {
        return false;
    }

    /** Discord holds 2,000 characters of content: longer text is cut and points to the web view. */
    @Override
    protected OptionalInt cutsTextAt() {
        return OptionalInt.of(2000);
    }
}
