package org.mlrcopilot.agents.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.experiment.StopReason;
import org.mlrcopilot.agents.idea.ComputeEstimate;
import org.mlrcopilot.agents.idea.DatasetRef;
import org.mlrcopilot.agents.idea.ExperimentPlan;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.idea.ResearchElements;
import org.mlrcopilot.agents.idea.Review;
import org.mlrcopilot.agents.idea.ReviewScore;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.literature.SourceStatus;

/**
 * What every {@link ResearchStore} and {@link RunStore} does, whatever keeps the data: each store passes these tests
 * through a subclass that opens a fresh, empty one.
 *
 * @param <S> the store under test, both ports at once
 */
public abstract class ResearchStoreContract<S extends ResearchStore & RunStore> {

    protected static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    protected S store;

    /** A new, empty store. */
    protected abstract S open();

    /** Releases the store opened for a test. */
    protected void close(S opened) {}

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            close(store);
        }
    }

    // researches

    @Test
    void aResearchComesBackWithEveryField() {
        Research r = new Research(
                "r-1",
                "https://arxiv.org/abs/2408.14033",
                "slack:U1",
                "T0123",
                "slack",
                ResearchStatus.GENERATING,
                "drafting 3 hypotheses",
                "MLR-Copilot",
                T0,
                T0.plusSeconds(90));
        store.save(r);
        assertThat(store.research("r-1")).contains(r);
        assertThat(store.research("r-2")).isEmpty();
    }

    @Test
    void savingAResearchAgainReplacesIt() {
        store.save(research("r-1", ResearchStatus.QUEUED, 0));
        Research read = research("r-1", ResearchStatus.QUEUED, 0)
                .with(ResearchStatus.READY, "3 hypotheses", T0.plusSeconds(300))
                .titled("SPECTER");
        store.save(read);
        assertThat(store.research("r-1")).contains(read);
        assertThat(store.recent(10)).containsExactly(read);
        assertThat(store.unfinished()).isEmpty();
    }

    @Test
    void recentResearchesAreNewestFirstUpToTheLimit() {
        store.save(research("r-b", ResearchStatus.READY, 2));
        store.save(research("r-c", ResearchStatus.QUEUED, 3));
        store.save(research("r-a", ResearchStatus.DONE, 1));
        assertThat(store.recent(10)).extracting(Research::id).containsExactly("r-c", "r-b", "r-a");
        assertThat(store.recent(2)).extracting(Research::id).containsExactly("r-c", "r-b");
        assertThat(store.recent(0)).isEmpty();
    }

    @Test
    void unfinishedResearchesAreThoseWhoseIdeaStageWasInProgressOldestFirst() {
        int minute = 0;
        for (ResearchStatus status : ResearchStatus.values()) {
            store.save(research("r-" + status.name().toLowerCase(Locale.ROOT), status, 10 - minute++));
        }
        assertThat(store.unfinished())
                .extracting(Research::id)
                .containsExactly("r-generating", "r-reading", "r-queued");
        assertThat(store.unfinished())
                .allSatisfy(r -> assertThat(r.status().inProgress()).isTrue());
    }

    // briefs

    @Test
    void aBriefComesBackWithItsElementsAndRelatedWork() {
        store.save(research("r-1", ResearchStatus.GENERATING, 0));
        StoredBrief brief = new StoredBrief(
                "r-1",
                "arxiv:2408.14033v3",
                "MLR-Copilot",
                "Autonomous ML research.",
                new ResearchElements(
                        List.of("generate hypotheses"),
                        List.of("retrieval never ablated"),
                        List.of("LLM agents", "idea generation"),
                        "IdeaAgent then ExperimentAgent"),
                relatedWork());
        store.save(brief);
        assertThat(store.brief("r-1")).contains(brief);
        assertThat(store.brief("r-2")).isEmpty();
    }

    @Test
    void aBriefWithoutElementsKeepsThemNullAndIsReplacedByTheNextOne() {
        store.save(research("r-1", ResearchStatus.GENERATING, 0));
        StoredBrief withoutModel =
                new StoredBrief("r-1", "arxiv:2408.14033", "t", "a", null, new RelatedWork(List.of(), List.of()));
        store.save(withoutModel);
        assertThat(store.brief("r-1")).contains(withoutModel);
        StoredBrief full = new StoredBrief(
                "r-1",
                "arxiv:2408.14033",
                "t",
                "a",
                new ResearchElements(List.of("task"), List.of("gap"), List.of("kw"), "summary"),
                relatedWork());
        store.save(full);
        assertThat(store.brief("r-1")).contains(full);
    }

    // hypotheses

    @Test
    void aHypothesisVersionComesBackWithEveryField() {
        store.save(research("r-1", ResearchStatus.READY, 0));
        StoredHypothesis v1 = new StoredHypothesis("r-1", 2, reviewed(hypothesis("H3", 1)), HypothesisState.PROPOSED);
        StoredHypothesis v2 = new StoredHypothesis("r-1", 2, hypothesis("H3", 2), HypothesisState.REFINING);
        store.save(v1);
        store.save(v2);
        assertThat(store.versions("r-1", "H3")).containsExactly(v1, v2);
        assertThat(store.hypotheses("r-1")).containsExactly(v2);
        assertThat(v2.hypothesis().history())
                .singleElement()
                .satisfies(old -> assertThat(old.version()).isOne());
    }

    @Test
    void hypothesesAreTheLatestVersionOfEachByPosition() {
        store.save(research("r-1", ResearchStatus.READY, 0));
        store.save(research("r-2", ResearchStatus.READY, 1));
        store.save(stored("r-1", 2, "H3", 1, HypothesisState.PROPOSED));
        store.save(stored("r-1", 0, "H2", 1, HypothesisState.PROPOSED));
        store.save(stored("r-1", 1, "H1", 1, HypothesisState.SUPERSEDED));
        store.save(stored("r-1", 1, "H1", 2, HypothesisState.SUPERSEDED));
        store.save(stored("r-1", 1, "H1", 3, HypothesisState.PROPOSED));
        store.save(stored("r-2", 0, "H1", 1, HypothesisState.APPROVED));
        assertThat(store.hypotheses("r-1"))
                .extracting(StoredHypothesis::id, h -> h.hypothesis().version())
                .containsExactly(tuple("H2", 1), tuple("H1", 3), tuple("H3", 1));
        assertThat(store.hypotheses("r-2")).containsExactly(stored("r-2", 0, "H1", 1, HypothesisState.APPROVED));
        assertThat(store.hypotheses("r-3")).isEmpty();
    }

    @Test
    void savingAVersionAgainUpdatesItsStateWithoutAddingAVersion() {
        store.save(research("r-1", ResearchStatus.READY, 0));
        store.save(stored("r-1", 0, "H1", 1, HypothesisState.PROPOSED));
        store.save(stored("r-1", 0, "H1", 2, HypothesisState.PROPOSED));
        store.save(stored("r-1", 0, "H1", 1, HypothesisState.SUPERSEDED));
        store.save(stored("r-1", 0, "H1", 2, HypothesisState.APPROVED));
        assertThat(store.versions("r-1", "H1"))
                .extracting(StoredHypothesis::state)
                .containsExactly(HypothesisState.SUPERSEDED, HypothesisState.APPROVED);
        assertThat(store.hypotheses("r-1")).containsExactly(stored("r-1", 0, "H1", 2, HypothesisState.APPROVED));
    }

    @Test
    void aBatchIsSavedWholeAndReplacesLikeSingleSaves() {
        store.save(research("r-1", ResearchStatus.READY, 0));
        store.save(List.of(
                stored("r-1", 0, "H1", 1, HypothesisState.PROPOSED),
                stored("r-1", 1, "H2", 1, HypothesisState.PROPOSED),
                stored("r-1", 2, "H3", 1, HypothesisState.PROPOSED)));
        assertThat(store.hypotheses("r-1")).extracting(StoredHypothesis::id).containsExactly("H1", "H2", "H3");

        store.save(List.of(
                stored("r-1", 0, "H1", 2, HypothesisState.PROPOSED),
                stored("r-1", 0, "H1", 1, HypothesisState.SUPERSEDED)));
        assertThat(store.versions("r-1", "H1"))
                .extracting(StoredHypothesis::state)
                .containsExactly(HypothesisState.SUPERSEDED, HypothesisState.PROPOSED);
        store.save(List.of());
        assertThat(store.hypotheses("r-1")).hasSize(3);
    }

    @Test
    void versionsAreOldestFirstAndOfOneHypothesisOnly() {
        store.save(research("r-1", ResearchStatus.READY, 0));
        store.save(research("r-2", ResearchStatus.READY, 1));
        store.save(stored("r-1", 0, "H1", 3, HypothesisState.PROPOSED));
        store.save(stored("r-1", 0, "H1", 1, HypothesisState.SUPERSEDED));
        store.save(stored("r-1", 0, "H1", 2, HypothesisState.SUPERSEDED));
        store.save(stored("r-1", 1, "H2", 1, HypothesisState.PROPOSED));
        store.save(stored("r-2", 0, "H1", 4, HypothesisState.PROPOSED));
        assertThat(store.versions("r-1", "H1"))
                .extracting(h -> h.hypothesis().version())
                .containsExactly(1, 2, 3);
        assertThat(store.versions("r-1", "H9")).isEmpty();
    }

    @Test
    void hypothesesInAStateAreTheLatestVersionsInItAcrossResearches() {
        store.save(research("r-1", ResearchStatus.READY, 0));
        store.save(research("r-2", ResearchStatus.READY, 1));
        store.save(stored("r-1", 0, "H1", 1, HypothesisState.REFINING));
        store.save(stored("r-1", 1, "H2", 1, HypothesisState.SUPERSEDED));
        store.save(stored("r-1", 1, "H2", 2, HypothesisState.REFINING));
        store.save(stored("r-2", 0, "H1", 1, HypothesisState.REFINING));
        store.save(stored("r-2", 0, "H1", 2, HypothesisState.PROPOSED));
        store.save(stored("r-2", 1, "H2", 1, HypothesisState.DISCARDED));
        assertThat(store.hypothesesIn(HypothesisState.REFINING))
                .extracting(h ->
                        h.researchId() + "/" + h.id() + "v" + h.hypothesis().version())
                .containsExactlyInAnyOrder("r-1/H1v1", "r-1/H2v2");
        assertThat(store.hypothesesIn(HypothesisState.SUPERSEDED))
                .as("superseded by a version in another state")
                .isEmpty();
        assertThat(store.hypothesesIn(HypothesisState.DISCARDED))
                .containsExactly(stored("r-2", 1, "H2", 1, HypothesisState.DISCARDED));
        assertThat(store.hypothesesIn(HypothesisState.APPROVED)).isEmpty();
    }

    // feedback

    @Test
    void feedbackComesBackWithEveryFieldOldestFirstPerHypothesis() {
        store.save(research("r-1", ResearchStatus.READY, 0));
        store.save(research("r-2", ResearchStatus.READY, 1));
        Feedback first = new Feedback("r-1", "H1", "", "slack:U1", "first", T0);
        Feedback second = new Feedback("r-1", "H1", "", "slack:U2", "second", T0.plusSeconds(5));
        store.add(first);
        store.add(new Feedback("r-1", "H2", "", "slack:U1", "about H2", T0));
        store.add(new Feedback("r-2", "H1", "", "slack:U1", "another research", T0));
        store.add(second);
        store.add(new Feedback("r-1", "", "", "slack:U3", "on the research", T0));
        assertThat(store.feedback("r-1", "H1")).containsExactly(first, second);
        assertThat(store.feedback("r-1", "")).extracting(Feedback::text).containsExactly("on the research");
        assertThat(store.feedback("r-1", "H9")).isEmpty();
    }

    @Test
    void runFeedbackIsWhatWasGivenToOneRunOldestFirst() {
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        Feedback a = new Feedback("r-1", "H1", "run-1", "ann", "use a smaller model", T0);
        Feedback b = new Feedback("r-1", "", "run-1", "bob", "and fewer epochs", T0.plusSeconds(1));
        store.add(a);
        store.add(new Feedback("r-1", "H1", "", "ann", "to the hypothesis", T0));
        store.add(new Feedback("r-1", "H1", "run-2", "ann", "to another run", T0));
        store.add(b);
        assertThat(store.runFeedback("run-1")).containsExactly(a, b);
        assertThat(store.runFeedback("run-3")).isEmpty();
        assertThat(store.feedback("r-1", "H1"))
                .as("a run's feedback stays with its hypothesis")
                .extracting(Feedback::text)
                .containsExactly("use a smaller model", "to the hypothesis", "to another run");
    }

    // votes

    @Test
    void aNewVoteReplacesTheVotersLastOneAndZeroTakesItBack() {
        store.save(research("r-1", ResearchStatus.READY, 0));
        store.vote(new Vote("r-1", "H1", 1, "bob", 1));
        store.vote(new Vote("r-1", "H1", 1, "ann", 1));
        store.vote(new Vote("r-1", "H1", 1, "eve", 1));
        store.vote(new Vote("r-1", "H1", 1, "bob", -1));
        assertThat(store.votes("r-1", "H1", 1)).isEqualTo(new VoteCount(2, 1));
        store.vote(new Vote("r-1", "H1", 1, "ann", 0));
        store.vote(new Vote("r-1", "H1", 1, "bob", 0));
        assertThat(store.votes("r-1", "H1", 1)).isEqualTo(new VoteCount(1, 0));
        store.vote(new Vote("r-1", "H1", 1, "carl", 0));
        assertThat(store.votes("r-1", "H1", 1))
                .as("taking back a vote never cast")
                .isEqualTo(new VoteCount(1, 0));
    }

    @Test
    void votesStayWithTheVersionTheyWereCastOn() {
        store.save(research("r-1", ResearchStatus.READY, 0));
        store.save(research("r-2", ResearchStatus.READY, 1));
        StoredHypothesis v1 = stored("r-1", 0, "H1", 1, HypothesisState.SUPERSEDED);
        StoredHypothesis v2 = stored("r-1", 0, "H1", 2, HypothesisState.PROPOSED);
        store.save(v1);
        store.save(v2);
        store.vote(new Vote("r-1", "H1", 1, "bob", -1));
        store.vote(new Vote("r-1", "H1", 1, "ann", -1));
        store.vote(new Vote("r-1", "H1", 2, "bob", 1));
        store.vote(new Vote("r-1", "H2", 1, "bob", 1));
        store.vote(new Vote("r-2", "H1", 1, "bob", 1));
        assertThat(store.votes("r-1", "H1", 1)).isEqualTo(new VoteCount(0, 2));
        assertThat(store.votes(v1)).isEqualTo(new VoteCount(0, 2));
        assertThat(store.votes(v2)).isEqualTo(new VoteCount(1, 0));
        assertThat(store.votes("r-1", "H1", 3)).isEqualTo(VoteCount.NONE);
        assertThat(store.votes("r-1", "H9", 1)).isEqualTo(VoteCount.NONE);
    }

    // runs

    @Test
    void aRunComesBackWithEveryField() {
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        ResearchRun run = new ResearchRun(
                "run-1",
                "r-1",
                "H2",
                3,
                "digits",
                "slack:U1",
                "alice",
                RunStatus.WAITING,
                4,
                30,
                "/data/runs/run-1",
                null,
                T0,
                T0.plusSeconds(42));
        store.save(run);
        assertThat(store.run("run-1")).contains(run);
        assertThat(store.run("run-2")).isEmpty();
    }

    @Test
    void aFinishedRunKeepsItsResultWhateverWhyItStopped() {
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        ResearchRun started = run("run-1", "r-1", RunStatus.RUNNING, 0);
        List<StopReason> reasons = List.of(
                StopReason.FINAL_ANSWER,
                StopReason.MAX_STEPS,
                StopReason.WALL_TIME,
                StopReason.BUDGET,
                StopReason.STOPPED,
                StopReason.declined("the team did not approve a step"),
                StopReason.error("provider unreachable: connection refused"));
        for (StopReason reason : reasons) {
            ExperimentResult result = new ExperimentResult(
                    0.91,
                    0.95,
                    4.4,
                    Boolean.FALSE,
                    "accuracy",
                    "done",
                    List.of("0.99"),
                    List.of("plot.png", "submission.csv"),
                    "--- a\n+++ b",
                    Path.of("runs/run-1/trace.jsonl"),
                    7,
                    reason);
            ResearchRun done =
                    started.finished(reason.failed() ? RunStatus.FAILED : RunStatus.DONE, result, T0.plusSeconds(600));
            store.save(done);
            assertThat(store.run("run-1")).as(reason.text()).contains(done);
        }
        assertThat(store.run("run-1").orElseThrow().result().stopReason().detail())
                .isEqualTo("provider unreachable: connection refused");
    }

    @Test
    void anUnmeasuredBaselineStaysNaNAndMissingScoresStayNull() {
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        ExperimentResult unscored = new ExperimentResult(
                Double.NaN,
                null,
                null,
                null,
                "rmse",
                "",
                List.of(),
                List.of(),
                "",
                Path.of("/data/runs/run-1/trace.jsonl"),
                0,
                StopReason.error("boom"));
        ResearchRun failed =
                run("run-1", "r-1", RunStatus.RUNNING, 0).finished(RunStatus.FAILED, unscored, T0.plusSeconds(60));
        store.save(failed);
        ExperimentResult back = store.run("run-1").orElseThrow().result();
        assertThat(back.baseline()).isNaN();
        assertThat(back.finalScore()).isNull();
        assertThat(back.improvementPct()).isNull();
        assertThat(back.success()).isNull();
        assertThat(back.trace()).isEqualTo(Path.of("/data/runs/run-1/trace.jsonl"));
        assertThat(store.run("run-1")).contains(failed);
    }

    @Test
    void savingARunAgainReplacesIt() {
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        ResearchRun queued = run("run-1", "r-1", RunStatus.QUEUED, 0);
        store.save(queued);
        ResearchRun running = queued.onTask("digits-v2").with(RunStatus.RUNNING, 3, T0.plusSeconds(30));
        store.save(running);
        assertThat(store.run("run-1")).contains(running);
        assertThat(store.runs("r-1")).containsExactly(running);
    }

    @Test
    void runsOfAResearchAreOldestFirst() {
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        store.save(research("r-2", ResearchStatus.RUNNING, 1));
        store.save(run("run-c", "r-1", RunStatus.RUNNING, 3));
        store.save(run("run-a", "r-1", RunStatus.DONE, 1));
        store.save(run("run-x", "r-2", RunStatus.DONE, 0));
        store.save(run("run-b", "r-1", RunStatus.FAILED, 2));
        assertThat(store.runs("r-1")).extracting(ResearchRun::id).containsExactly("run-a", "run-b", "run-c");
        assertThat(store.runs("r-3")).isEmpty();
    }

    @Test
    void activeRunsAreTheUnfinishedOnesOfEveryResearchOldestFirst() {
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        store.save(research("r-2", ResearchStatus.RUNNING, 1));
        int minute = 10;
        for (RunStatus status : RunStatus.values()) {
            String research = minute % 2 == 0 ? "r-1" : "r-2";
            store.save(run("run-" + status.name().toLowerCase(Locale.ROOT), research, status, minute--));
        }
        assertThat(store.activeRuns())
                .extracting(ResearchRun::id)
                .containsExactly("run-waiting", "run-paused", "run-running", "run-queued");
        store.save(store.run("run-paused").orElseThrow().with(RunStatus.STOPPED, 2, T0.plusSeconds(3600)));
        assertThat(store.activeRuns())
                .extracting(ResearchRun::id)
                .containsExactly("run-waiting", "run-running", "run-queued");
    }

    // steps

    @Test
    void aStepComesBackWithEveryField() {
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        store.save(run("run-1", "r-1", RunStatus.RUNNING, 0));
        StepRecord step = new StepRecord(
                1,
                "execute_script",
                "{\"script_name\":\"train.py\"}",
                "training accuracy: 0.9100\n",
                List.of("ann: try dropout", "bob: fewer epochs"),
                9_000,
                2_300,
                180,
                4_500);
        store.add("run-1", step);
        assertThat(store.steps("run-1")).containsExactly(step);
    }

    @Test
    void stepsAreInOrderAndTheSameStepNumberReplacesTheStep() {
        store.save(research("r-1", ResearchStatus.RUNNING, 0));
        store.save(run("run-1", "r-1", RunStatus.RUNNING, 0));
        store.save(run("run-2", "r-1", RunStatus.DONE, 1));
        store.add("run-1", step(2, "read_file"));
        store.add("run-1", step(1, "list_files"));
        store.add("run-2", step(1, "final_answer"));
        store.add("run-1", step(3, "execute_script"));
        store.add("run-1", step(2, "edit_script"));
        assertThat(store.steps("run-1"))
                .extracting(StepRecord::step, StepRecord::action)
                .containsExactly(tuple(1, "list_files"), tuple(2, "edit_script"), tuple(3, "execute_script"));
        assertThat(store.steps("run-2")).extracting(StepRecord::action).containsExactly("final_answer");
        assertThat(store.steps("run-3")).isEmpty();
    }

    // fixtures

    protected static Research research(String id, ResearchStatus status, int minute) {
        Instant at = T0.plusSeconds(60L * minute);
        return new Research(id, "https://arxiv.org/abs/2408.14033", "u1", "web", "web", status, "d", "", at, at);
    }

    protected static ResearchRun run(String id, String researchId, RunStatus status, int minute) {
        Instant at = T0.plusSeconds(60L * minute);
        return new ResearchRun(
                id, researchId, "H1", 1, "digits", "u1", "alice", status, 0, 30, "/data/runs/" + id, null, at, at);
    }

    protected static StoredHypothesis stored(
            String researchId, int position, String id, int version, HypothesisState state) {
        return new StoredHypothesis(researchId, position, hypothesis(id, version), state);
    }

    /** Version {@code version} of hypothesis {@code id}, with the earlier versions as its history. */
    protected static Hypothesis hypothesis(String id, int version) {
        ExperimentPlan plan = new ExperimentPlan(
                "objective " + version,
                List.of(new DatasetRef("digits", "sklearn"), new DatasetRef("notes", "attached notes.csv")),
                List.of("logistic regression"),
                List.of("svc"),
                List.of("accuracy"),
                List.of("train", "evaluate"),
                new ComputeEstimate(0.5, 2),
                "beats the baseline by 1%");
        List<Hypothesis> history = new ArrayList<>();
        for (int v = 1; v < version; v++) {
            history.add(new Hypothesis(
                    id,
                    v,
                    "title " + v,
                    "method " + v,
                    "rationale",
                    "outcome",
                    List.of("risk"),
                    plan,
                    null,
                    v == 1 ? "" : "change " + v,
                    List.of()));
        }
        return new Hypothesis(
                id,
                version,
                "title " + version,
                "method " + version,
                "rationale",
                "outcome",
                List.of("risk", "another risk"),
                plan,
                null,
                version == 1 ? "" : "change " + version,
                history);
    }

    private static Hypothesis reviewed(Hypothesis h) {
        Review review = new Review(
                new ReviewScore(4, "clear"),
                new ReviewScore(5, "valid"),
                new ReviewScore(3, "rigorous enough"),
                new ReviewScore(2, "close to prior work"),
                new ReviewScore(4, "general"),
                "SciMON",
                "isolates retrieval quality",
                2);
        return new Hypothesis(
                h.id(),
                h.version(),
                h.title(),
                h.method(),
                h.rationale(),
                h.expectedOutcome(),
                h.risks(),
                h.plan(),
                review,
                h.changeSummary(),
                h.history());
    }

    private static RelatedWork relatedWork() {
        return new RelatedWork(
                List.of(
                        new RelatedPaper(
                                "MLAgentBench",
                                2024,
                                "Agents run ML experiments.",
                                List.of("Q. Huang", "J. Vora"),
                                "https://arxiv.org/abs/2310.03302",
                                "2310.03302",
                                null,
                                "openalex",
                                0.9),
                        new RelatedPaper(
                                "A paper of unknown year",
                                null,
                                "",
                                List.of(),
                                "https://example.org/p",
                                "",
                                "10.1234/abc",
                                "semantic-scholar",
                                0.25)),
                List.of(
                        new SourceStatus("openalex", true, "1 result", 120),
                        new SourceStatus("semantic-scholar", false, "HTTP 429", 3000)));
    }

    private static StepRecord step(int step, String action) {
        return new StepRecord(step, action, "{}", action + " done", List.of(), 100, 10, 5, 20);
    }
}
