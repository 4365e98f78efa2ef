package org.mlrcopilot.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.bot.chat.OutboundMessage.Attachment;
import org.mlrcopilot.bot.chat.OutboundMessage.Button;

/**
 * What every chat adapter does, at the level of the {@link ChatPlatform} port: posts land in threads in order,
 * edits replace text and buttons, the bot's reactions show, what people do comes back as {@link Inbound} events with
 * ids, links and mentions are the platform's own, long and marked-up text is never refused, and a channel names its
 * team. A subclass runs it against one adapter's real code and a fake of the platform at the wire: it starts the
 * platform, reads back what the chat shows, and makes a person post, react and press buttons.
 */
public abstract class ChatPlatformContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    protected Path files;
    /** Everything the platform delivered to the handler, in order. */
    protected final List<Inbound> events = new CopyOnWriteArrayList<>();

    protected ChatPlatform platform;

    /** A message as the chat shows it: who posted it, its text, its buttons and the names of its files. */
    public record Shown(
            String id, boolean byBot, String user, String text, List<ShownButton> buttons, List<String> attachments) {
        public Shown {
            buttons = List.copyOf(buttons);
            attachments = List.copyOf(attachments);
        }
    }

    /** A button as the chat shows it and sends it back when pressed. */
    public record ShownButton(String action, String value, String label) {}

    /** Starts the platform under test (and the fake it talks to), delivering what people do to {@code handler}. */
    protected abstract ChatPlatform start(InboundHandler handler) throws Exception;

    /** Releases the fake and anything else {@link #start} opened; the platform itself is stopped already. */
    protected abstract void close() throws Exception;

    /** A channel the bot posts in. */
    protected abstract String channel();

    /** The user id of the person who acts in the tests. */
    protected abstract String person();

    /** What {@link ChatPlatform#team} answers for {@link #channel()}. */
    protected abstract String expectedTeam();

    /** The messages the chat shows in the thread of {@code root} (the root first), in order. */
    protected abstract List<Shown> thread(MessageRef root);

    /** The reactions of the bot the chat shows on a message, as the platform shows them. */
    protected abstract List<String> botReactions(MessageRef message);

    /**
     * The person posts {@code text} in the thread (a new message in the channel for a thread without id), as the
     * platform delivers it; returns the message as the platform names it.
     */
    protected abstract MessageRef say(ThreadRef thread, String text) throws Exception;

    /** The person adds the reaction {@code emoji} (a canonical name, see {@link Emoji}) to a message. */
    protected abstract void react(MessageRef message, String emoji) throws Exception;

    /** The person presses a button the bot posted on a message. */
    protected abstract void press(MessageRef message, Button button) throws Exception;

    /** How the platform writes a mention of {@code user} in message text, the form its clients render. */
    protected abstract String mentionMarkup(String user);

    /** How the chat shows a canonical reaction name: the name itself unless the platform shows something else. */
    protected String shownEmoji(String canonical) {
        return canonical;
    }

    /**
     * The most characters of text the platform shows in one message, when it cuts longer text (pointing to the web
     * view) instead of showing all of it; empty when it shows all of it.
     */
    protected OptionalInt cutsTextAt() {
        return OptionalInt.empty();
    }

    /**
     * Whether the same action of a person can arrive twice (a platform that retries what was not acknowledged in
     * time, a client that posts again); {@link #sayAgain()} then delivers the person's last message once more.
     */
    protected boolean redelivers() {
        return false;
    }

    /** Delivers the person's last message again, as the platform's retry (or the client's) would. */
    protected void sayAgain() throws Exception {
        throw new UnsupportedOperationException("this platform does not deliver a message twice");
    }

    @BeforeEach
    void startPlatform() throws Exception {
        platform = start(event -> {
            events.add(event);
            return "";
        });
    }

    @AfterEach
    void stopPlatform() throws Exception {
        try {
            if (platform != null) {
                platform.stop();
            }
        } finally {
            close();
        }
    }

    private ThreadRef newThread() {
        return new ThreadRef(channel(), "");
    }

    private List<Shown> shownWhen(MessageRef root, java.util.function.Predicate<List<Shown>> done) {
        return await().atMost(WAIT).until(() -> thread(root), done);
    }

    private <T extends Inbound> T next(Class<T> type, int before) {
        return await().atMost(WAIT)
                .until(
                        () -> events.stream()
                                .skip(before)
                                .filter(type::isInstance)
                                .map(type::cast)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
    }

    private static List<String> texts(List<Shown> shown) {
        return shown.stream().map(Shown::text).map(String::strip).toList();
    }

    // --- posting ---

    @Test
    void aNewRootMessageIsItsOwnThreadAndRepliesStayInIt() {
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        assertThat(root.channel()).isEqualTo(channel());
        assertThat(root.messageId()).isNotBlank();
        assertThat(root.threadId()).as("a root message is its own thread").isEqualTo(root.messageId());

        MessageRef first = platform.post(root.thread(), OutboundMessage.text("H1: a wider kernel"));
        MessageRef second = platform.post(root.thread(), OutboundMessage.text("H2: fewer layers"));
        assertThat(List.of(first, second)).allSatisfy(reply -> {
            assertThat(reply.channel()).isEqualTo(channel());
            assertThat(reply.threadId()).isEqualTo(root.messageId());
        });
        assertThat(List.of(root.messageId(), first.messageId(), second.messageId()))
                .doesNotHaveDuplicates();

        List<Shown> shown = shownWhen(root, l -> l.size() == 3);
        assertThat(texts(shown)).containsExactly("Reading the paper", "H1: a wider kernel", "H2: fewer layers");
        assertThat(shown)
                .extracting(Shown::id)
                .containsExactly(root.messageId(), first.messageId(), second.messageId());
        assertThat(shown)
                .allSatisfy(m -> assertThat(m.byBot()).as("posted by the bot").isTrue());
    }

    @Test
    void aMessageWithAFileShowsTheFileInTheThread() throws Exception {
        Path plot = Files.write(files.resolve("accuracy.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Results"));
        platform.post(
                root.thread(),
                OutboundMessage.text("The plot")
                        .withAttachments(List.of(new Attachment("accuracy.png", "image/png", plot))));

        List<Shown> shown =
                shownWhen(root, l -> l.stream().anyMatch(m -> !m.attachments().isEmpty()));
        assertThat(shown).flatExtracting(Shown::attachments).containsExactly("accuracy.png");
        assertThat(texts(shown)).contains("Results", "The plot");
    }

    @Test
    void anUpdateReplacesTextAndButtons() {
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        MessageRef h1 = platform.post(
                root.thread(),
                OutboundMessage.text("H1 v1: a wider kernel")
                        .withButtons(List.of(
                                new Button("run", "Run experiment", "H1", "primary"),
                                new Button("discard", "Discard", "H1", "danger"))));
        assertThat(shownWhen(root, l -> l.size() == 2).get(1).buttons())
                .containsExactly(
                        new ShownButton("run", "H1", "Run experiment"), new ShownButton("discard", "H1", "Discard"));

        platform.update(
                h1,
                OutboundMessage.text("H1 v1: a wider kernel (discarded)")
                        .withButtons(List.of(new Button("restore", "Restore", "H1", ""))));
        Shown edited =
                shownWhen(root, l -> l.get(1).text().contains("discarded")).get(1);
        assertThat(edited.id()).isEqualTo(h1.messageId());
        assertThat(edited.text().strip()).isEqualTo("H1 v1: a wider kernel (discarded)");
        assertThat(edited.buttons()).containsExactly(new ShownButton("restore", "H1", "Restore"));

        platform.update(h1, OutboundMessage.text("H1 v1: superseded by v2"));
        Shown plain =
                shownWhen(root, l -> l.get(1).text().contains("superseded")).get(1);
        assertThat(plain.buttons())
                .as("a message updated to no buttons shows none")
                .isEmpty();
        assertThat(texts(thread(root)))
                .as("an update adds no message")
                .containsExactly("Reading the paper", "H1 v1: superseded by v2");
    }

    @Test
    void theBotReactsToAPersonsMessage() throws Exception {
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        platform.post(root.thread(), OutboundMessage.text("Three hypotheses follow"));
        MessageRef theirs = say(root.thread(), "H1 needs two seeds");
        next(Inbound.MessagePosted.class, 0);

        platform.react(theirs, Emoji.EYES);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(botReactions(theirs)).containsExactly(shownEmoji(Emoji.EYES)));
        assertThat(botReactions(root)).as("only the message reacted to").isEmpty();
    }

    // --- what people do ---

    @Test
    void aPressedButtonComesBackWithItsActionAndValue() throws Exception {
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        Button run = new Button("run", "Run experiment", "H2", "primary");
        MessageRef h2 = platform.post(
                root.thread(),
                OutboundMessage.text("H2 v1: fewer layers")
                        .withButtons(List.of(new Button("refine", "Refine", "H2", ""), run)));
        shownWhen(root, l -> l.size() == 2);

        press(h2, run);
        Inbound.ButtonPressed pressed = next(Inbound.ButtonPressed.class, 0);
        assertThat(pressed.platform()).isEqualTo(platform.name());
        assertThat(pressed.action()).isEqualTo("run");
        assertThat(pressed.value()).isEqualTo("H2");
        assertThat(pressed.messageId()).isEqualTo(h2.messageId());
        assertThat(pressed.channel()).isEqualTo(channel());
        assertThat(pressed.user()).isEqualTo(person());
        assertThat(pressed.eventId()).isNotBlank();
    }

    @Test
    void aButtonWithTheLongestActionAndValueIsShownAndComesBack() throws Exception {
        Button longest = new Button("a".repeat(15) + "_" + "b".repeat(14), "Choose", "v".repeat(59) + "9", "");
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        MessageRef choice =
                platform.post(root.thread(), OutboundMessage.text("Pick one").withButtons(List.of(longest)));
        assertThat(shownWhen(root, l -> l.size() == 2).get(1).buttons())
                .containsExactly(new ShownButton(longest.action(), longest.value(), "Choose"));

        press(choice, longest);
        Inbound.ButtonPressed pressed = next(Inbound.ButtonPressed.class, 0);
        assertThat(pressed.action()).isEqualTo(longest.action());
        assertThat(pressed.value()).isEqualTo(longest.value());
    }

    @Test
    void aPersonsMessageInTheThreadComesBackWithTheThreadOfTheRoot() throws Exception {
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        MessageRef status = platform.post(root.thread(), OutboundMessage.text("Status: reading"));

        MessageRef theirs = say(root.thread(), "H1 needs **two** seeds");
        Inbound.MessagePosted posted = next(Inbound.MessagePosted.class, 0);
        assertThat(posted.platform()).isEqualTo(platform.name());
        assertThat(posted.channel()).isEqualTo(channel());
        assertThat(posted.threadId()).as("the thread of the root").isEqualTo(root.messageId());
        assertThat(posted.messageId()).isEqualTo(theirs.messageId()).isNotEqualTo(status.messageId());
        assertThat(posted.message()).isEqualTo(theirs);
        assertThat(posted.user()).isEqualTo(person());
        assertThat(posted.userName()).isNotBlank();
        assertThat(posted.text()).isEqualTo("H1 needs **two** seeds");
        assertThat(posted.eventId()).isNotBlank();

        List<Shown> shown = shownWhen(root, l -> l.size() == 3);
        assertThat(shown.get(2)).satisfies(m -> {
            assertThat(m.byBot()).isFalse();
            assertThat(m.user()).as("who posted").isEqualTo(person());
            assertThat(m.text()).isEqualTo("H1 needs **two** seeds");
        });
    }

    @Test
    void aPersonsReactionComesBackAsAReactionChanged() throws Exception {
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        MessageRef h1 = platform.post(root.thread(), OutboundMessage.text("H1 v1: a wider kernel"));
        shownWhen(root, l -> l.size() == 2);

        react(h1, Emoji.ROCKET);
        Inbound.ReactionChanged reaction = next(Inbound.ReactionChanged.class, 0);
        assertThat(reaction.platform()).isEqualTo(platform.name());
        assertThat(reaction.emoji()).as("the canonical name").isEqualTo(Emoji.ROCKET);
        assertThat(reaction.added()).isTrue();
        assertThat(reaction.messageId()).isEqualTo(h1.messageId());
        assertThat(reaction.channel()).isEqualTo(channel());
        assertThat(reaction.user()).isEqualTo(person());
        assertThat(reaction.eventId()).isNotBlank();
    }

    @Test
    void everyInboundEventCarriesItsOwnEventId() throws Exception {
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        Button discard = new Button("discard", "Discard", "H1", "danger");
        MessageRef h1 =
                platform.post(root.thread(), OutboundMessage.text("H1 v1").withButtons(List.of(discard)));
        shownWhen(root, l -> l.size() == 2);

        say(root.thread(), "first thought");
        next(Inbound.MessagePosted.class, 0);
        say(root.thread(), "second thought");
        await().atMost(WAIT).until(() -> events.size() == 2);
        react(h1, Emoji.THUMBS_UP);
        next(Inbound.ReactionChanged.class, 0);
        press(h1, discard);
        next(Inbound.ButtonPressed.class, 0);

        assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e.eventId()).isNotBlank());
        assertThat(events).extracting(Inbound::eventId).doesNotHaveDuplicates();
    }

    @Test
    void aMessageDeliveredTwiceCarriesTheSameEventId() throws Exception {
        Assumptions.assumeTrue(redelivers(), () -> platform.name() + " does not deliver a message twice");
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        platform.post(root.thread(), OutboundMessage.text("Status: reading"));
        say(root.thread(), "H1 needs two seeds");
        Inbound.MessagePosted first = next(Inbound.MessagePosted.class, 0);

        sayAgain();
        Inbound.MessagePosted again = next(Inbound.MessagePosted.class, 1);
        assertThat(again.eventId()).as("what de-duplication keys on").isEqualTo(first.eventId());
        assertThat(again.text()).isEqualTo(first.text());
    }

    // --- links, mentions and text ---

    @Test
    void permalinksArePlatformLinksOfEachMessage() {
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        MessageRef reply = platform.post(root.thread(), OutboundMessage.text("H1 v1"));
        String rootLink = platform.permalink(root);
        String replyLink = platform.permalink(reply);
        assertThat(rootLink).isNotBlank();
        assertThat(replyLink).isNotBlank().isNotEqualTo(rootLink);
        assertThat(List.of(rootLink, replyLink))
                .allSatisfy(link -> assertThat(link).doesNotContainAnyWhitespaces());
    }

    @Test
    void aMentionIsWrittenAsThePlatformRendersIt() throws Exception {
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        platform.post(root.thread(), OutboundMessage.text("Status: reading"));
        say(root.thread(), "which seed?");
        next(Inbound.MessagePosted.class, 0);

        String mention = platform.mention(person());
        assertThat(mention).isEqualTo(mentionMarkup(person()));
        platform.post(root.thread(), OutboundMessage.text("Results are in, " + mention + "."));
        Shown shown = shownWhen(root, l -> l.size() == 4).get(3);
        assertThat(shown.text()).contains(mentionMarkup(person()));
    }

    @Test
    void longTextIsPostedAndShownOrCutNeverRefused() {
        String text = IntStream.range(0, 1000)
                        .mapToObj(i -> String.format("w%03d", i))
                        .collect(Collectors.joining(" "))
                        .substring(0, 4999)
                + ".";
        assertThat(text).hasSize(5000);
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        MessageRef[] posted = new MessageRef[1];
        assertThatCode(() -> posted[0] = platform.post(root.thread(), OutboundMessage.text(text)))
                .doesNotThrowAnyException();
        assertThat(posted[0].threadId()).isEqualTo(root.messageId());

        String shown = shownWhen(root, l -> l.size() == 2).get(1).text();
        OptionalInt cut = cutsTextAt();
        if (cut.isPresent()) {
            assertThat(shown).hasSizeLessThanOrEqualTo(cut.getAsInt()).startsWith(text.substring(0, 1000));
            assertThat(shown).as("says where the whole message is").contains("cut");
        } else {
            assertThat(shown).isEqualTo(text);
        }
    }

    @Test
    void markdownSpecialCharactersArePostedNeverRefused() {
        String text = "*bold* _italic_ `a_b*c` ~gone~ **strong** [paper](https://arxiv.org/abs/2408.14033) "
                + "<https://openreview.net/forum?id=x1&y=2|review> 2 < 3 & 4 > 1 # not a heading | pipe \\ slash\n"
                + "- item\n> quoted\n```\ncode <b>block</b>\n```";
        MessageRef root = platform.post(newThread(), OutboundMessage.text("Reading the paper"));
        assertThatCode(() -> platform.post(root.thread(), OutboundMessage.text(text)))
                .doesNotThrowAnyException();
        assertThatCode(() -> platform.post(
                        root.thread(),
                        new OutboundMessage(
                                "Brief: *the* `paper`",
                                text,
                                List.of(new OutboundMessage.Field("Score | *4*", "`3` < 5")),
                                List.of(),
                                List.of(),
                                "#36a64f")))
                .doesNotThrowAnyException();

        String shown = shownWhen(root, l -> l.size() == 3).get(1).text();
        assertThat(shown)
                .contains(
                        "bold",
                        "italic",
                        "`a_b*c`",
                        "https://arxiv.org/abs/2408.14033",
                        "https://openreview.net/forum?id=x1&y=2",
                        "code <b>block</b>",
                        "quoted");
    }

    @Test
    void aChannelNamesItsTeam() {
        assertThat(platform.team(channel())).isEqualTo(expectedTeam());
    }
}
