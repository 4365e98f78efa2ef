package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.mlrcopilot.agents.experiment.StopReason;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.idea.ComputeEstimate;
import org.mlrcopilot.agents.idea.DatasetRef;
import org.mlrcopilot.agents.idea.ExperimentPlan;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.idea.ResearchElements;
import org.mlrcopilot.agents.json.JsonCodec;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.research.Feedback;
import org.mlrcopilot.agents.research.HypothesisState;
import org.mlrcopilot.bot.conversation.MessageLink;
import org.mlrcopilot.bot.conversation.MessageRole;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.ResearchStatus;
import org.mlrcopilot.agents.research.RunStatus;
import org.mlrcopilot.agents.research.StoredBrief;
import org.mlrcopilot.agents.research.StoredHypothesis;
import org.mlrcopilot.agents.research.Vote;
import org.mlrcopilot.agents.research.VoteCount;

/** The ResearchStore port on H2 and PostgreSQL: every query, and what survives closing and reopening the database. */
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
        return new Research(id, "https://arxiv.org/abs/2408.14033", "u1", "web", "web", status, "d", "",
                T0.plusSeconds(60L * minute), T0.plusSeconds(60L * minute));
    }

    static Hypothesis hypothesis(String id, int version) {
        ExperimentPlan plan = new ExperimentPlan("objective", List.of(new DatasetRef("digits", "sklearn")),
                List.of("logistic regression"), List.of("svc"), List.of("accuracy"), List.of("train", "evaluate"),
                new ComputeEstimate(0.1, 0), "beats the baseline by 1%");
        Hypothesis v1 = new Hypothesis(id, 1, "title", "method", "rationale", "outcome", List.of("risk"), plan, null,
                "", List.of());
        return version == 1 ? v1 : new Hypothesis(id, 2, "title 2", "method 2", "rationale", "outcome",
                List.of("risk"), plan, null, "smaller learning rate", List.of(v1));
    }

    @OnEveryDatabase
    void researchesBriefsHypothesesFeedbackAndVotes(TestStores stores) {
        store = stores.open();
        store.save(research("r-1", ResearchStatus.READY, 0));
        store.save(research("r-2", ResearchStatus.GENERATING, 1));
        store.save(research("r-3", ResearchStatus.QUEUED, 2));
        assertThat(store.recent(2)).extracting(Research::id).containsExactly("r-3", "r-2");
        assertThat(store.unfinished()).extracting(Research::id).containsExactly("r-2", "r-3");
        store.save(research("r-2", ResearchStatus.READY, 1).titled("SPECTER"));
        assertThat(store.research("r-2")).get().satisfies(r -> assertThat(r.title()).isEqualTo("SPECTER"));

        store.save(new StoredBrief("r-1", "arxiv:2408.14033", "t", "a", new ResearchElements(List.of("task"),
                List.of("gap"), List.of("kw"), "summary"), new RelatedWork(List.of(), List.of())));
        assertThat(store.brief("r-1")).get().satisfies(b -> assertThat(b.elements().keywords()).containsExactly("kw"));

        store.save(new StoredHypothesis("r-1", 1, hypothesis("H2", 1), HypothesisState.PROPOSED));
        store.save(new StoredHypothesis("r-1", 0, hypothesis("H1", 1), HypothesisState.PROPOSED));
        store.save(new StoredHypothesis("r-1", 0, hypothesis("H1", 2), HypothesisState.PROPOSED));
        store.save(new StoredHypothesis("r-1", 1, hypothesis("H2", 1), HypothesisState.DISCARDED));
        assertThat(store.hypotheses("r-1")).extracting(h -> h.id() + "v" + h.hypothesis().version() + h.state())
                .containsExactly("H1v2PROPOSED", "H2v1DISCARDED");
        assertThat(store.versions("r-1", "H1")).extracting(h -> h.hypothesis().version()).containsExactly(1, 2);
        assertThat(store.hypotheses("r-1").get(0).hypothesis().history()).hasSize(1);

        store.add(new Feedback("r-1", "H1", "", "bob", "first", T0));
        store.add(new Feedback("r-1", "H1", "", "ann", "second", T0));
        store.add(new Feedback("r-1", "H1", "run-1", "ann", "to the run", T0));
        assertThat(store.feedback("r-1", "H1")).extracting(Feedback::text)
                .containsExactly("first", "second", "to the run");
        assertThat(store.runFeedback("run-1")).extracting(Feedback::text).containsExactly("to the run");

        store.vote(new Vote("r-1", "H1", 1, "bob", 1));
        store.vote(new Vote("r-1", "H1", 1, "ann", 1));
        store.vote(new Vote("r-1", "H1", 1, "bob", -1));
        assertThat(store.votes("r-1", "H1", 1)).isEqualTo(new VoteCount(1, 1));
        store.vote(new Vote("r-1", "H1", 1, "ann", 0));
        assertThat(store.votes("r-1", "H1", 1)).isEqualTo(new VoteCount(0, 1));
        assertThat(store.votes("r-1", "H9", 1)).isEqualTo(VoteCount.NONE);
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
        assertThat(System.nanoTime() - started).as("a closed store does not wait").isLessThan(1_000_000_000L);
        store = stores.open();
        assertThat(store.firstTime("web:evt-7-49")).isFalse();
    }

    @OnEveryDatabase
    void runsStepsLinksAndEventsSurviveAReopen(TestStores stores) {
        store = stores.open();
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        ResearchRun run = new ResearchRun("run-1", "r-1", "H1", 1, "digits", "u1", "alice", RunStatus.RUNNING, 0, 30,
                dir.resolve("runs/run-1").toString(), null, T0, T0);
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
        ExperimentResult result = new ExperimentResult(Double.NaN, 0.98, null, null, "accuracy", "done", List.of(),
                List.of("plot.png"), "diff", dir.resolve("runs/run-1/trace.jsonl"), 2, StopReason.FINAL_ANSWER);
        store.save(run.finished(RunStatus.DONE, result, T0.plusSeconds(60)));
        store.close();

        store = stores.open();
        assertThat(store.activeRuns()).isEmpty();
        ResearchRun back = store.run("run-1").orElseThrow();
        assertThat(back.result().baseline()).isNaN();
        assertThat(back.result().finalScore()).isEqualTo(0.98);
        assertThat(back.result().trace()).isEqualTo(dir.resolve("runs/run-1/trace.jsonl"));
        assertThat(store.steps("run-1")).extracting(StepRecord::observation).containsExactly("again", "x");
        assertThat(store.messageFor("r-1", MessageRole.parse("status"))).get().extracting(MessageLink::messageId).isEqualTo("m5");
        assertThat(store.message("web", "research", "m2")).get().extracting(l -> l.role().key()).isEqualTo("status");
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
        assertThat(store.brief("r-1")).get().satisfies(b -> assertThat(b.elements()).isNull());
        assertThat(store.brief("r-2")).isEmpty();
        assertThat(store.hypotheses("r-1")).containsExactly(
                new StoredHypothesis("r-1", 0, hypothesis("H1", 2), HypothesisState.APPROVED));
        assertThat(store.versions("r-1", "H1")).extracting(StoredHypothesis::state)
                .containsExactly(HypothesisState.PROPOSED, HypothesisState.APPROVED);
        assertThat(store.feedback("r-1", "H1")).containsExactly(new Feedback("r-1", "H1", "", "bob", "more data", T0));
        assertThat(store.runFeedback("run-1")).extracting(Feedback::author).containsExactly("ann");
        assertThat(store.votes("r-1", "H1", 1)).isEqualTo(new VoteCount(0, 1));
    }

    @OnEveryDatabase
    void activeRunsAreTheUnfinishedOnesOldestFirst(TestStores stores) {
        store = stores.open();
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        store.save(run("run-c", RunStatus.PAUSED, 3));
        store.save(run("run-a", RunStatus.QUEUED, 1));
        store.save(run("run-b", RunStatus.STOPPED, 2));
        store.save(run("run-d", RunStatus.WAITING, 4));
        assertThat(store.activeRuns()).extracting(ResearchRun::id).containsExactly("run-a", "run-c", "run-d");
        assertThat(store.runs("r-1")).extracting(ResearchRun::id).containsExactly("run-a", "run-b", "run-c", "run-d");
        assertThat(store.runs("r-2")).isEmpty();
        assertThat(store.run("run-x")).isEmpty();
        assertThat(store.steps("run-a")).isEmpty();
    }

    @OnEveryDatabase
    void aResultWithEveryValueAndARelativeTraceComesBackEqual(TestStores stores) {
        store = stores.open();
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        ExperimentResult result = new ExperimentResult(0.91, 0.95, 4.4, Boolean.FALSE, "accuracy", "answer",
                List.of("0.99"), List.of("plot.png", "submission.csv"), "--- a\n+++ b", Path.of("runs/run-a/trace.jsonl"),
                7, StopReason.MAX_STEPS);
        ResearchRun done = run("run-a", RunStatus.RUNNING, 0).finished(RunStatus.DONE, result, T0.plusSeconds(600));
        store.save(done);
        assertThat(store.run("run-a")).contains(done);
        ExperimentResult unscored = new ExperimentResult(Double.NaN, null, null, null, "rmse", "", List.of(),
                List.of(), "", dir.resolve("trace.jsonl"), 0, StopReason.error("boom"));
        store.save(done.finished(RunStatus.FAILED, unscored, T0.plusSeconds(700)));
        ExperimentResult back = store.run("run-a").orElseThrow().result();
        assertThat(back.baseline()).isNaN();
        assertThat(List.of(back.metric(), back.stopReason().text(), back.trace())).containsExactly("rmse", "error: boom",
                dir.resolve("trace.jsonl"));
        assertThat(back.finalScore()).isNull();
        assertThat(back.success()).isNull();
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
        assertThat(store.message("slack", "C1", "100.2")).get().extracting(l -> l.role().key())
                .isEqualTo("hypothesis:H2");
        assertThat(store.messageFor("r-1", MessageRole.parse("hypothesis:H1"))).isEmpty();
        assertThat(store.messageFor("r-1", MessageRole.parse("hypothesis:H2"))).get().extracting(MessageLink::messageId)
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

    private static ResearchRun run(String id, RunStatus status, int minute) {
        Instant at = T0.plusSeconds(60L * minute);
        return new ResearchRun(id, "r-1", "H1", 1, "digits", "u1", "alice", status, 0, 30, "/data/runs/" + id, null,
                at, at);
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
