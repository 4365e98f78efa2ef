package org.mlrcopilot.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.experiment.ExperimentAgent;
import org.mlrcopilot.agents.experiment.TeamChannel;
import org.mlrcopilot.agents.idea.IdeaAgent;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.literature.SourceStatus;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperIds;
import org.mlrcopilot.agents.paper.link.PaperLinks;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchService;
import org.mlrcopilot.agents.research.ResearchSettings;
import org.mlrcopilot.agents.research.ResearchState;
import org.mlrcopilot.agents.research.ResearchStatus;
import org.mlrcopilot.agents.research.ResearchTools;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.bot.chat.Emoji;
import org.mlrcopilot.bot.metrics.ServiceMetrics;
import org.mlrcopilot.bot.store.Store;
import org.mlrcopilot.bot.store.Stores;

/**
 * The conversation rules without sockets: a platform in memory, the real store (H2 in memory) and service, and
 * tools with no language model, so the service runs as on a fresh machine without a key.
 */
class ConversationTest {

    @TempDir
    Path dir;

    private Store store;
    private Conversation conversation;
    private ResearchService service;
    private final RecordingPlatform chat = new RecordingPlatform();

    @BeforeEach
    void start() {
        store = Stores.inMemory("conversation-" + System.nanoTime());
        conversation = new Conversation(
                new ConversationStores(store, store, store, store.usage()),
                new ServiceMetrics(),
                Conversation.Settings.of(50, 30L << 20, Duration.ofMillis(50)),
                events -> new ResearchService(
                        new ResearchState(store, store, store.checkpoints(), store.usage()),
                        events,
                        new NoModelTools(dir),
                        new ResearchSettings(List.of("alice"), 3, 5),
                        Clock.systemUTC(),
                        2,
                        1));
        service = conversation.service();
        conversation.add(chat);
    }

    @AfterEach
    void stop() {
        service.close();
        conversation.close();
        store.close();
    }

    private Research settle() throws Exception {
        Research r = store.recent(1).get(0);
        service.idle(r.id()).get(30, TimeUnit.SECONDS);
        // what the service reported is posted, the throttled status edits included
        await().during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(30))
                .until(() -> conversation.idle(r.id()).isDone());
        conversation.idle(r.id()).get(30, TimeUnit.SECONDS);
        return store.research(r.id()).orElseThrow();
    }

    @Test
    void aPlatformWhoseWritesFailIsFailingUntilAWriteSucceeds() throws Exception {
        assertThat(conversation.failingPlatforms()).isEmpty();
        chat.postsFail = "chat.postMessage failed: not_in_channel";
        chat.say("e1", "u1", "", "bob", "look at https://arxiv.org/abs/2408.14033");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !conversation.failingPlatforms().isEmpty());
        assertThat(conversation.failingPlatforms())
                .containsEntry("test", "writes fail: chat.postMessage failed: not_in_channel");

        chat.postsFail = null;
        chat.say("e2", "u2", "", "bob", "and https://arxiv.org/abs/2310.03302");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> conversation.failingPlatforms().isEmpty());
    }

    @Test
    void withoutAModelThePaperIsReadAndTheThreadSaysWhatIsMissing() throws Exception {
        assertThat(chat.say("e1", "u1", "", "bob", "look at https://arxiv.org/abs/2408.14033"))
                .isEmpty();

        Research r = settle();
        assertThat(r.status()).isEqualTo(ResearchStatus.READY);
        assertThat(r.title()).isEqualTo("MLR-Copilot");
        assertThat(chat.reactions).containsExactly("u1:" + Emoji.EYES);
        assertThat(chat.posts).allSatisfy(p -> assertThat(p.ref().threadId()).isEqualTo("u1"));
        List<String> texts = chat.texts();
        assertThat(texts.get(0)).contains("*ready*").contains("hypotheses need a language model");
        assertThat(texts)
                .anyMatch(t ->
                        t.startsWith("Brief: MLR-Copilot") && t.contains("Related work") && t.contains("MLAgentBench"));
        assertThat(texts).anyMatch(t -> t.contains("no language model is configured") && t.contains("ANTHROPIC"));
        assertThat(chat.posts.stream().filter(p -> p.message().text().contains("· research r-")))
                .hasSize(1);
        assertThat(chat.updates)
                .allSatisfy(u -> assertThat(u.ref()).isEqualTo(chat.posts.get(0).ref()));
    }

    @Test
    void aMessageWithSeveralLinksAsksWhichOneAndStartsThePick() throws Exception {
        chat.say(
                "e1",
                "u1",
                "",
                "bob",
                "compare https://arxiv.org/abs/2408.14033 with arXiv:2310.03302 "
                        + "and again https://arxiv.org/abs/2408.14033");
        RecordingPlatform.Posted asked = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> chat.posts.stream().findFirst(), Optional::isPresent)
                .get();
        assertThat(asked.message().text()).contains("I found 2 paper links").contains("Which one");
        assertThat(asked.ref().threadId()).as("asked in the message's thread").isEqualTo("u1");
        assertThat(asked.message().buttons())
                .extracting(org.mlrcopilot.bot.chat.OutboundMessage.Button::label)
                .containsExactly("https://arxiv.org/abs/2408.14033", "arXiv:2310.03302", "One research each (2)");
        assertThat(store.recent(10)).as("nothing started before the answer").isEmpty();

        assertThat(chat.press("e2", asked.ref().messageId(), "carol", "pick", "1"))
                .contains("Reading arXiv:2310.03302");
        Research r = settle();
        assertThat(r.link()).isEqualTo("arXiv:2310.03302");
        assertThat(chat.current.get(asked.ref().messageId()).buttons())
                .as("the question answered in place")
                .isEmpty();
        assertThat(chat.press("e3", asked.ref().messageId(), "carol", "pick", "0"))
                .as("answered once")
                .contains("no longer open");
        assertThat(store.recent(10)).hasSize(1);
    }

    @Test
    void aMessageAskingForEachLinkStartsOneResearchPerLink() throws Exception {
        chat.say("e1", "u1", "", "bob", "one research each: https://arxiv.org/abs/2408.14033 arXiv:2310.03302");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> store.recent(10).size() == 2);
        for (Research r : store.recent(10)) {
            service.idle(r.id()).get(30, TimeUnit.SECONDS);
        }
        assertThat(store.recent(10))
                .extracting(Research::link)
                .containsExactlyInAnyOrder("https://arxiv.org/abs/2408.14033", "arXiv:2310.03302");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> chat.posts.stream()
                        .anyMatch(p -> p.ref().threadId().isBlank()
                                || p.message().text().contains("one of 2 links")));
        assertThat(chat.posts)
                .filteredOn(p -> p.message().text().contains("asked me to research arXiv:2310.03302"))
                .singleElement()
                .satisfies(p -> assertThat(p.message().text()).contains("(one of 2 links"));
    }

    @Test
    void aDuplicateEventAndChatterWithoutLinksStartNothing() throws Exception {
        chat.say("e1", "u1", "", "bob", "https://arxiv.org/abs/2408.14033");
        chat.say("e1", "u1", "", "bob", "https://arxiv.org/abs/2408.14033");
        chat.say("e2", "u2", "", "bob", "good morning team");
        settle();
        assertThat(store.recent(10)).hasSize(1);
    }

    @Test
    void replyInTheThreadIsFeedbackAndUnknownMessagesAreIgnored() throws Exception {
        chat.say("e1", "u1", "", "bob", "https://arxiv.org/abs/2408.14033");
        Research r = settle();
        chat.say("e2", "u2", "u1", "carol", "what about a bigger model?");
        assertThat(store.feedback(r.id(), ""))
                .singleElement()
                .satisfies(f -> assertThat(f.author()).isEqualTo("carol"));
        assertThat(chat.react("e3", "nowhere", "carol", Emoji.ROCKET, true)).isEmpty();
    }

    @Test
    void statusEditsAreCoalesced() throws Exception {
        Outbox outbox = new Outbox(1, Duration.ofMillis(300));
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Integer> last = new java.util.concurrent.atomic.AtomicReference<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            outbox.status("r", () -> {
                runs.incrementAndGet();
                last.set(n);
            });
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> last.get() == 99);
        outbox.idle("r").get(5, TimeUnit.SECONDS);
        assertThat(runs.get()).isBetween(1, 2);
        assertThat(last.get()).isEqualTo(99);
        outbox.close();
    }

    @Test
    void linksAreFoundInTheirUsualForms() {
        assertThat(ChatLinks.in("see arXiv:2408.14033v2 please").link().original())
                .isEqualTo("arXiv:2408.14033v2");
        assertThat(ChatLinks.in("<https://arxiv.org/abs/2408.14033|the paper>")
                        .link()
                        .original())
                .isEqualTo("https://arxiv.org/abs/2408.14033");
        assertThat(ChatLinks.in("doi:10.18653/v1/2020.acl-main.207.").link().original())
                .isEqualTo("doi:10.18653/v1/2020.acl-main.207");
        assertThat(ChatLinks.in("ftp://example.org/x.pdf").unreadable()).containsExactly("ftp://example.org/x.pdf");
        assertThat(ChatLinks.in("no link here").any()).isFalse();
        assertThat(ChatLinks.in("\u202ahttps://arxiv.org/abs/2408.\u200b14033\u202c")
                        .link()
                        .original())
                .as("invisible characters copied with a link are dropped")
                .isEqualTo("https://arxiv.org/abs/2408.14033");
    }

    @Test
    void onlyPlainPaperLinksStartAResearchWithoutAMention() {
        assertThat(PaperLinks.parse("https://arxiv.org/abs/2408.14033").plainlyPaper())
                .isTrue();
        assertThat(PaperLinks.parse("2408.14033").plainlyPaper()).isTrue();
        assertThat(PaperLinks.parse("doi:10.18653/v1/2020.acl-main.207").plainlyPaper())
                .isTrue();
        assertThat(PaperLinks.parse("https://example.org/files/paper.PDF").plainlyPaper())
                .isTrue();
        assertThat(PaperLinks.parse("https://proceedings.neurips.cc/paper/2020/hash/abc-Abstract.html")
                        .plainlyPaper())
                .isTrue();
        assertThat(PaperLinks.parse("https://huggingface.co/papers/2408.14033").plainlyPaper())
                .isTrue();
        assertThat(PaperLinks.parse("https://huggingface.co/bert-base-uncased").plainlyPaper())
                .isFalse();
        assertThat(PaperLinks.parse("https://github.com/du-nlp-lab/MLR-Copilot").plainlyPaper())
                .isFalse();
        assertThat(PaperLinks.parse("https://www.youtube.com/watch?v=x").plainlyPaper())
                .isFalse();
    }

    /** Tools with no language model: a paper and related work from memory. */
    private record NoModelTools(Path dir) implements ResearchTools {
        @Override
        public Paper read(String link) {
            return new Paper(
                    PaperIds.none(),
                    "MLR-Copilot",
                    List.of("R. Li"),
                    "Autonomous ML research.",
                    List.of(),
                    List.of(),
                    List.of(),
                    "test",
                    link,
                    "hash");
        }

        @Override
        public RelatedWork related(Paper paper) {
            return new RelatedWork(
                    List.of(new RelatedPaper(
                            "MLAgentBench",
                            2024,
                            "agents",
                            List.of("Q. Huang"),
                            "https://arxiv.org/abs/2310.03302",
                            "2310.03302",
                            null,
                            "openalex",
                            0.9)),
                    List.of(new SourceStatus("openalex", true, "1 result", 5)));
        }

        @Override
        public Optional<IdeaAgent> ideas(Research research) {
            return Optional.empty();
        }

        @Override
        public Optional<ExperimentAgent> experiments(Research research, TeamChannel team) {
            return Optional.empty();
        }

        @Override
        public Optional<org.mlrcopilot.agents.setup.ExperimentSetup> setup(Research research) {
            return Optional.empty();
        }

        @Override
        public List<TaskSpec> registeredTasks() {
            return List.of();
        }

        @Override
        public boolean confirmSetup() {
            return false;
        }

        @Override
        public Path runsRoot() {
            return dir;
        }

        @Override
        public String howToConfigureModel() {
            return "set ANTHROPIC_API_KEY or OPENAI_API_KEY";
        }
    }
}
