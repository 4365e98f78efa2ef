package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.experiment.StopReason;
import org.mlrcopilot.agents.idea.ComputeEstimate;
import org.mlrcopilot.agents.idea.DatasetRef;
import org.mlrcopilot.agents.idea.ExperimentPlan;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.json.JsonCodec;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.research.Feedback;
import org.mlrcopilot.agents.research.HypothesisState;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.ResearchStatus;
import org.mlrcopilot.agents.research.RunStatus;
import org.mlrcopilot.agents.research.StoredBrief;
import org.mlrcopilot.agents.research.StoredHypothesis;
import org.mlrcopilot.agents.research.Vote;
import org.mlrcopilot.agents.research.VoteCount;
import org.mlrcopilot.bot.conversation.MessageLink;
import org.mlrcopilot.bot.conversation.MessageRole;

/**
 * The store on H2 and PostgreSQL beyond the ports' contract ({@code ResearchStoreContract}): what survives closing
 * and reopening the database, chat links and processed events, concurrent writers.
 */
class ResearchStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private Store store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    static Research research(String id, ResearchStatus status, int minute) {
        return new Research(
                id,
                "https://arxiv.org/abs/2408.14033",
                "u1",
                "web",
                "web",
                status,
                "d",
                "",
                T0.plusSeconds(60L * minute),
                T0.plusSeconds(60L * minute));
    }

    static Hypothesis hypothesis(String id, int version) {
        ExperimentPlan plan = new ExperimentPlan(
                "objective",
                List.of(new DatasetRef("digits", "sklearn")),
                List.of("logistic regression"),
                List.of("svc"),
                List.of("accuracy"),
                List.of("train", "evaluate"),
                new ComputeEstimate(0.1, 0),
                "beats the baseline by 1%");
        Hypothesis v1 = new Hypothesis(
                id, 1, "title", "method", "rationale", "outcome", List.of("risk"), plan, null, "", List.of());
        return version == 1
                ? v1
                : new Hypothesis(
                        id,
                        2,
                        "title 2",
                        "method 2",
                        "rationale",
                        "outcome",
                        List.of("risk"),
                        plan,
                        null,
                        "smaller learning rate",
                        List.of(v1));
    }

    @OnEveryDatabase
    void manyWritersWaitingForTheGroupCommitAllGetThrough(TestStores stores) throws Exception {
        store = stores.open();
        java.util.concurrent.ExecutorService team = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int writer = t;
            done.add(team.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    assertThat(store.firstTime("web:evt-" + writer + "-" + i)).isTrue();
                    store.sync();
                }
            }));
        }
        for (var f : done) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        team.shutdown();
        store.close();
        long started = System.nanoTime();
        store.sync();
        assertThat(System.nanoTime() - started)
                .as("a closed store does not wait")
                .isLessThan(1_000_000_000L);
        store = stores.open();
        assertThat(store.firstTime("web:evt-7-49")).isFalse();
    }

    @OnEveryDatabase
    void aBatchThatCannotBeWrittenWholeLeavesNothing(TestStores stores) {
        store = stores.open();
        store.save(research("r-1", ResearchStatus.READY, 0));
        assertThatThrownBy(() -> store.save(List.of(
                        new StoredHypothesis("r-1", 0, hypothesis("H1", 1), HypothesisState.PROPOSED),
                        new StoredHypothesis("r-missing", 1, hypothesis("H2", 1), HypothesisState.PROPOSED))))
                .as("the second belongs to no research")
                .isInstanceOf(RuntimeException.class);
        assertThat(store.hypotheses("r-1"))
                .as("the first went with the failed second")
                .isEmpty();
        store.save(List.of(new StoredHypothesis("r-1", 0, hypothesis("H1", 1), HypothesisState.PROPOSED)));
        assertThat(store.hypotheses("r-1")).hasSize(1);
    }

    @OnEveryDatabase
    void runsStepsLinksAndEventsSurviveAReopen(TestStores stores) {
        store = stores.open();
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        ResearchRun run = new ResearchRun(
                "run-1",
                "r-1",
                "H1",
                1,
                "digits",
                "u1",
                "alice",
                RunStatus.RUNNING,
                0,
                30,
                dir.resolve("runs/run-1").toString(),
                null,
                T0,
                T0);
        store.save(run);
        store.add("run-1", new StepRecord(1, "list_files", "{}", "train.py", List.of(), 10, 100, 5, 20));
        store.add("run-1", new StepRecord(2, "read_file", "{}", "x", List.of(), 10, 100, 5, 20));
        store.add("run-1", new StepRecord(1, "list_files", "{}", "again", List.of(), 10, 100, 5, 20));
        store.link(new MessageLink("web", "research", "m1", "m1", "r-1", MessageRole.parse("root")));
        store.link(new MessageLink("web", "research", "m2", "m1", "r-1", MessageRole.parse("status")));
        store.link(new MessageLink("web", "research", "m5", "m1", "r-1", MessageRole.parse("status")));
        assertThat(store.firstTime("web:e1")).isTrue();
        assertThat(store.firstTime("web:e1")).isFalse();
        assertThat(store.activeRuns()).extracting(ResearchRun::id).containsExactly("run-1");
        ExperimentResult result = new ExperimentResult(
                Double.NaN,
                0.98,
                null,
                null,
                "accuracy",
                "done",
                List.of(),
                List.of("plot.png"),
                "diff",
                dir.resolve("runs/run-1/trace.jsonl"),
                2,
                StopReason.FINAL_ANSWER);
        store.save(run.finished(RunStatus.DONE, result, T0.plusSeconds(60)));
        store.close();

        store = stores.open();
        assertThat(store.activeRuns()).isEmpty();
        ResearchRun back = store.run("run-1").orElseThrow();
        assertThat(back.result().baseline()).isNaN();
        assertThat(back.result().finalScore()).isEqualTo(0.98);
        assertThat(back.result().trace()).isEqualTo(dir.resolve("runs/run-1/trace.jsonl"));
        assertThat(store.steps("run-1")).extracting(StepRecord::observation).containsExactly("again", "x");
        assertThat(store.messageFor("r-1", MessageRole.parse("status")))
                .get()
                .extracting(MessageLink::messageId)
                .isEqualTo("m5");
        assertThat(store.message("web", "research", "m2"))
                .get()
                .extracting(l -> l.role().key())
                .isEqualTo("status");
        assertThat(store.researchOfThread("web", "research", "m1")).contains("r-1");
        assertThat(store.researchOfThread("web", "general", "m1")).isEmpty();
        assertThat(store.firstTime("web:e1")).isFalse();
        assertThat(store.runs("r-1")).hasSize(1);
    }

    @OnEveryDatabase
    void theIdeaSideSurvivesAReopen(TestStores stores) {
        store = stores.open();
        store.save(research("r-1", ResearchStatus.READING, 0));
        store.save(research("r-2", ResearchStatus.DONE, 1));
        store.save(new StoredBrief("r-1", "arxiv:2408.14033", "t", "a", null, new RelatedWork(List.of(), List.of())));
        store.save(new StoredHypothesis("r-1", 0, hypothesis("H1", 1), HypothesisState.PROPOSED));
        store.save(new StoredHypothesis("r-1", 0, hypothesis("H1", 2), HypothesisState.APPROVED));
        store.add(new Feedback("r-1", "H1", "", "bob", "more data", T0));
        store.add(new Feedback("r-1", "", "run-1", "ann", "use a smaller model", T0.plusSeconds(1)));
        store.vote(new Vote("r-1", "H1", 1, "bob", -1));
        store.close();

        store = stores.open();
        assertThat(store.research("r-1")).contains(research("r-1", ResearchStatus.READING, 0));
        assertThat(store.research("r-9")).isEmpty();
        assertThat(store.unfinished()).extracting(Research::id).containsExactly("r-1");
        assertThat(store.recent(10)).extracting(Research::id).containsExactly("r-2", "r-1");
        assertThat(store.brief("r-1"))
                .get()
                .satisfies(b -> assertThat(b.elements()).isNull());
        assertThat(store.brief("r-2")).isEmpty();
        assertThat(store.hypotheses("r-1"))
                .containsExactly(new StoredHypothesis("r-1", 0, hypothesis("H1", 2), HypothesisState.APPROVED));
        assertThat(store.versions("r-1", "H1"))
                .extracting(StoredHypothesis::state)
                .containsExactly(HypothesisState.PROPOSED, HypothesisState.APPROVED);
        assertThat(store.feedback("r-1", "H1")).containsExactly(new Feedback("r-1", "H1", "", "bob", "more data", T0));
        assertThat(store.runFeedback("run-1")).extracting(Feedback::author).containsExactly("ann");
        assertThat(store.votes("r-1", "H1", 1)).isEqualTo(new VoteCount(0, 1));
    }

    @Test
    void aTraceWrittenAsAFileUriIsStillRead() {
        String json = """
                {"baseline":"NaN","finalScore":null,"improvementPct":null,"success":null,"metric":"accuracy",
                 "finalAnswer":"","flaggedClaims":[],"artifacts":[],"diff":"","trace":"file:///data/runs/r%201/trace.jsonl",
                 "steps":0,"stopReason":"stopped"}""";
        ExperimentResult back = JsonCodec.read(json, ExperimentResult.class);
        assertThat(back.trace()).isEqualTo(Path.of("/data/runs/r 1/trace.jsonl"));
        assertThat(back.baseline()).isNaN();
        assertThat(JsonCodec.write(back)).contains("\"trace\":\"/data/runs/r 1/trace.jsonl\"", "\"baseline\":\"NaN\"");
    }

    @OnEveryDatabase
    void aLinkIsReplacedByItsKey(TestStores stores) {
        store = stores.open();
        store.save(research("r-1", ResearchStatus.READY, 0));
        store.link(new MessageLink("slack", "C1", "100.1", "100.1", "r-1", MessageRole.parse("root")));
        store.link(new MessageLink("slack", "C1", "100.2", "100.1", "r-1", MessageRole.parse("hypothesis:H1")));
        store.link(new MessageLink("slack", "C1", "100.2", "100.1", "r-1", MessageRole.parse("hypothesis:H2")));
        assertThat(store.message("slack", "C1", "100.2"))
                .get()
                .extracting(l -> l.role().key())
                .isEqualTo("hypothesis:H2");
        assertThat(store.messageFor("r-1", MessageRole.parse("hypothesis:H1"))).isEmpty();
        assertThat(store.messageFor("r-1", MessageRole.parse("hypothesis:H2")))
                .get()
                .extracting(MessageLink::messageId)
                .isEqualTo("100.2");
        assertThat(store.message("slack", "C2", "100.2")).isEmpty();
        assertThat(store.researchOfThread("slack", "C1", "100.1")).contains("r-1");
        assertThat(store.researchOfThread("discord", "C1", "100.1")).isEmpty();
    }

    @OnEveryDatabase
    void aLongEventIdIsRecordedAndRecognised(TestStores stores) {
        store = stores.open();
        String longId = "web:web-client-" + "x".repeat(5000);
        assertThat(store.firstTime(longId)).isTrue();
        assertThat(store.firstTime(longId)).isFalse();
        assertThat(store.firstTime(longId + "y")).isTrue();
    }

    @OnEveryDatabase
    void concurrentDuplicatesAreRecognisedExactlyOnce(TestStores stores) throws Exception {
        store = stores.open();
        AtomicInteger firsts = new AtomicInteger();
        Set<String> errors = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 200; i++) {
                    try {
                        if (store.firstTime("e" + i)) {
                            firsts.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        errors.add(e.toString());
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).isEmpty();
        assertThat(firsts).hasValue(200);
    }
}
