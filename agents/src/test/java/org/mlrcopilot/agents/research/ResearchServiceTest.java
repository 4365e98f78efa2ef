package org.mlrcopilot.agents.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mlrcopilot.agents.research.IdeaStage.MAX_READING_ATTEMPTS;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.experiment.FileRunCheckpoints;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.experiment.StopReason;
import org.mlrcopilot.agents.idea.ResearchElements;
import org.mlrcopilot.agents.paper.PaperNotFoundException;
import org.mlrcopilot.agents.usage.InMemoryUsageStore;

/**
 * The research use cases on an in-memory store, with scripted models and a sandbox that only pretends to run: no
 * network, no sockets. Idea work is awaited through {@link ResearchService#idle}, runs by polling the store.
 */
class ResearchServiceTest {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final InMemoryResearchStore store = new InMemoryResearchStore();
    private final RecordingEvents events = new RecordingEvents();
    private FileRunCheckpoints checkpoints;
    private TestTools tools;
    private ResearchService service;

    @BeforeEach
    void startService() {
        checkpoints = new FileRunCheckpoints(dir.resolve("checkpoints"));
        tools = new TestTools(dir, checkpoints);
        tools.ideas = new ScriptedModel();
        service = service(events);
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    private ResearchService service(ResearchEvents to) {
        return new ResearchService(
                new ResearchState(store, store, checkpoints, new InMemoryUsageStore()),
                to,
                tools,
                new ResearchSettings(List.of(), 3, 10),
                Clock.systemUTC(),
                1,
                1,
                Duration.ofMillis(50));
    }

    // the idea stage

    @Test
    void aStartedResearchReadsThePaperAndProposesReviewedHypotheses() {
        tools.ideas.ideas("elements", "hypotheses", "review");
        Research opened = service.open(TestTools.LINK, "u1", "web", "web");
        assertThat(opened.status()).isEqualTo(ResearchStatus.QUEUED);
        assertThat(store.research(opened.id())).contains(opened);

        service.start(opened.id());
        service.idle(opened.id()).join();

        Research r = store.research(opened.id()).orElseThrow();
        assertThat(r.status()).isEqualTo(ResearchStatus.READY);
        assertThat(r.title()).isEqualTo(TestTools.paper().title());
        StoredBrief brief = store.brief(r.id()).orElseThrow();
        assertThat(brief.elements().keywords()).contains("LLM research agents");
        assertThat(brief.relatedWork()).isEqualTo(TestTools.relatedWork());
        assertThat(store.hypotheses(r.id())).extracting(StoredHypothesis::id).containsExactly("H2", "H1", "H3");
        assertThat(store.hypotheses(r.id()))
                .allSatisfy(h -> {
                    assertThat(h.state()).isEqualTo(HypothesisState.PROPOSED);
                    assertThat(h.hypothesis().version()).isOne();
                    assertThat(h.hypothesis().review()).isNotNull();
                })
                .extracting(StoredHypothesis::position)
                .containsExactly(0, 1, 2);
        assertThat(events.of("status")).first().asString().startsWith("READING");
        assertThat(events.of("status")).last().asString().startsWith("READY: 3 hypotheses ready");
        assertThat(events.of("brief")).containsExactly(TestTools.paper().title());
        assertThat(events.of("hypothesis"))
                .containsExactly("H2 v1 PROPOSED 0/0", "H1 v1 PROPOSED 0/0", "H3 v1 PROPOSED 0/0");
        assertThat(tools.ideas.calls()).isEqualTo(3);
    }

    @Test
    void aPaperThatCannotBeReadFailsTheResearchAndRegenerateStartsItAgain() {
        tools.readFailure = new PaperNotFoundException("arXiv has no paper 2408.14033");
        Research r = started();
        assertThat(store.research(r.id()).orElseThrow()).satisfies(failed -> {
            assertThat(failed.status()).isEqualTo(ResearchStatus.FAILED);
            assertThat(failed.detail())
                    .contains("arXiv has no paper 2408.14033")
                    .contains("check the link");
        });
        assertThat(store.hypotheses(r.id())).isEmpty();

        tools.readFailure = null;
        tools.ideas.ideas("elements", "hypotheses", "review");
        service.regenerate(r.id(), "bob");
        service.idle(r.id()).join();

        assertThat(store.research(r.id()).orElseThrow().status()).isEqualTo(ResearchStatus.READY);
        assertThat(store.hypotheses(r.id())).hasSize(3);
        assertThat(events.of("status")).filteredOn(s -> s.startsWith("READING")).hasSize(2);
    }

    @Test
    void withoutALanguageModelTheBriefIsSavedAndTheTeamIsToldWhatToConfigure() {
        tools.ideas = null;
        Research r = started();

        assertThat(store.research(r.id()).orElseThrow().status()).isEqualTo(ResearchStatus.READY);
        assertThat(store.brief(r.id()).orElseThrow().elements()).isNull();
        assertThat(store.hypotheses(r.id())).isEmpty();
        assertThat(events.of("problem")).singleElement().asString().contains(TestTools.HOW_TO_CONFIGURE);
    }

    @Test
    void aDraftThatCannotBeSavedIsHeldAndMadeAgainOnceWritesSucceed() {
        tools.ideas.ideas("elements", "hypotheses", "review", "hypotheses", "review");
        events.when("status GENERATING: reviewing", () -> store.failWrites("No space left on device"));
        Research r = started();

        assertThat(store.hypotheses(r.id()))
                .as("all of the draft or none of it")
                .isEmpty();
        assertThat(store.research(r.id()).orElseThrow().status()).isEqualTo(ResearchStatus.GENERATING);
        assertThat(events.of("problem")).as("held, not failed").isEmpty();

        store.failWrites(null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.research(r.id()).orElseThrow().status() == ResearchStatus.READY);
        assertThat(store.hypotheses(r.id())).hasSize(3);
        assertThat(events.of("problem"))
                .singleElement()
                .asString()
                .contains("could not be saved")
                .contains("No space left on device");
        assertThat(tools.ideas.calls())
                .as("the draft made again, the saved brief kept")
                .isEqualTo(5);
    }

    @Test
    void aPaperTheServiceStoppedWhileReadingIsReadOnceMoreThenMarkedUnreadable() {
        tools.ideas.ideas("elements", "hypotheses", "review");
        Research once = service.open(TestTools.LINK, "u1", "web", "web");
        store.save(once.with(ResearchStatus.READING, "reading the paper", once.createdAt()));
        Research twice = service.open(TestTools.LINK, "u1", "web", "web");
        store.save(twice.with(ResearchStatus.READING, "reading the paper (attempt 2)", twice.createdAt()));

        assertThat(service.recover()).isEqualTo(2);
        service.idle(once.id()).join();
        service.idle(twice.id()).join();

        assertThat(store.research(once.id()).orElseThrow().status()).isEqualTo(ResearchStatus.READY);
        assertThat(events.of("status")).contains("READING: reading the paper (attempt 2)");
        Research given = store.research(twice.id()).orElseThrow();
        assertThat(given.status()).isEqualTo(ResearchStatus.FAILED);
        assertThat(given.detail())
                .contains("the service stopped while reading it, 2 times, so it is marked unreadable")
                .contains("Regenerate");
        assertThat(tools.reads()).as("the paper given up is not read again").isEqualTo(1);
    }

    @Test
    void aReadingHeldForWantOfSpaceIsNotCountedAsAReadingTheServiceStoppedIn() {
        tools.ideas.ideas("elements", "hypotheses", "review");
        tools.readFailure =
                new StoreUnavailableException("cannot write the paper cache: No space left on device", null);
        tools.failingReads.set(MAX_READING_ATTEMPTS + 1);

        Research r = service.open(TestTools.LINK, "u1", "web", "web");
        service.start(r.id());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.research(r.id()).orElseThrow().status() == ResearchStatus.READY);

        assertThat(tools.reads()).as("held three times, then read").isEqualTo(MAX_READING_ATTEMPTS + 2);
        assertThat(store.hypotheses(r.id())).hasSize(3);
        assertThat(events.of("status")).noneMatch(s -> s.contains("attempt"));
    }

    @Test
    void theWorkersSayWhenTheyCannotTakeWork() {
        assertThat(service.workersProblem()).isEmpty();
        tools.ideas.ideas("elements", "hypotheses", "review", "hypotheses", "review");
        events.when("status GENERATING: reviewing", () -> store.failWrites("No space left on device"));
        started();
        assertThat(service.workersProblem()).contains("research work is held until writes succeed again");
        store.failWrites(null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.workersProblem().isEmpty());
        service.close();
        assertThat(service.workersProblem()).contains("stopping");
    }

    // feedback and votes

    @Test
    void feedbackIsKeptForTheHypothesisAndVotesCountPerVoter() {
        Research r = ready();
        service.feedback(r.id(), "H1", "bob", "a smaller model, please");
        service.feedback(r.id(), "", "ann", "about the whole paper");
        assertThat(store.feedback(r.id(), "H1")).singleElement().satisfies(f -> {
            assertThat(f.author()).isEqualTo("bob");
            assertThat(f.text()).isEqualTo("a smaller model, please");
            assertThat(f.runId()).isEmpty();
        });
        assertThat(store.feedback(r.id(), "")).extracting(Feedback::text).containsExactly("about the whole paper");

        assertThat(service.vote(r.id(), "H1", 1, "bob", 1)).isEqualTo(new VoteCount(1, 0));
        assertThat(service.vote(r.id(), "H1", 1, "ann", -1)).isEqualTo(new VoteCount(1, 1));
        assertThat(service.vote(r.id(), "H1", 1, "bob", 0)).isEqualTo(new VoteCount(0, 1));
        service.idle(r.id()).join();
        assertThat(events.of("hypothesis"))
                .as("each vote redraws the version, as it is when drawn")
                .hasSize(3 + 3)
                .last()
                .isEqualTo("H1 v1 PROPOSED 0/1");
    }

    @Test
    void aVoteOnAVersionOrResearchThatDoesNotExistIsRefused() {
        Research r = ready();
        assertThatThrownBy(() -> service.vote(r.id(), "H1", 2, "bob", 1))
                .isInstanceOf(ResearchRefusedException.class)
                .hasMessageContaining("no H1 v2");
        assertThatThrownBy(() -> service.vote("r-none", "H1", 1, "bob", 1))
                .isInstanceOf(ResearchRefusedException.class)
                .hasMessageContaining("no research r-none");
        assertThatThrownBy(() -> service.feedback("r-none", "H1", "bob", "hello"))
                .isInstanceOf(ResearchRefusedException.class);
        assertThat(store.votes(r.id(), "H1", 2)).isEqualTo(VoteCount.NONE);
    }

    // refine, regenerate, discard

    @Test
    void aRefinedVersionSupersedesTheOldOneAndVotesStayWithTheirVersion() {
        Research r = ready();
        service.feedback(r.id(), "H1", "bob", "Compare against SciMON's novelty loop, please.");
        service.vote(r.id(), "H1", 1, "bob", 1);
        service.vote(r.id(), "H1", 1, "ann", -1);
        service.idle(r.id()).join();
        tools.ideas.ideas("revision", "review");
        int before = tools.ideas.calls();

        service.refine(r.id(), "H1", "bob");
        service.idle(r.id()).join();

        assertThat(store.versions(r.id(), "H1"))
                .extracting(h -> h.hypothesis().version(), StoredHypothesis::state)
                .containsExactly(tuple(1, HypothesisState.SUPERSEDED), tuple(2, HypothesisState.PROPOSED));
        StoredHypothesis v2 = store.hypotheses(r.id()).stream()
                .filter(h -> h.id().equals("H1"))
                .findFirst()
                .orElseThrow();
        assertThat(v2.position()).isEqualTo(1);
        assertThat(v2.hypothesis().changeSummary()).startsWith("[C1] Added SciMON");
        assertThat(v2.hypothesis().review())
                .as("reviewed among the open hypotheses")
                .isNotNull();
        assertThat(v2.hypothesis().history()).extracting(h -> h.version()).containsExactly(1);
        assertThat(store.votes(r.id(), "H1", 1)).isEqualTo(new VoteCount(1, 1));
        assertThat(store.votes(v2)).isEqualTo(VoteCount.NONE);
        assertThat(tools.ideas.user(before))
                .contains("Compare against SciMON's novelty loop, please.")
                .contains("1 up-vote(s), 1 down-vote(s)");
        assertThat(events.of("hypothesis"))
                .endsWith("H1 v1 REFINING 1/1", "H1 v2 PROPOSED 0/0", "H1 v1 SUPERSEDED 1/1");

        assertThat(service.vote(r.id(), "H1", 1, "carl", 1))
                .as("the old version can still be voted on")
                .isEqualTo(new VoteCount(2, 1));
        assertThat(store.votes(v2)).isEqualTo(VoteCount.NONE);
    }

    @Test
    void refiningWithoutFeedbackOrVotesIsRefused() {
        Research r = ready();
        assertThatThrownBy(() -> service.refine(r.id(), "H2", "bob"))
                .isInstanceOf(ResearchRefusedException.class)
                .hasMessageContaining("reply to H2");
        assertThatThrownBy(() -> service.refine(r.id(), "H9", "bob"))
                .isInstanceOf(ResearchRefusedException.class)
                .hasMessageContaining("no hypothesis H9");
        assertThat(store.versions(r.id(), "H2")).hasSize(1);
    }

    @Test
    void aFailedRefinementLeavesTheHypothesisAsItWasAndSaysSo() {
        Research r = ready();
        service.feedback(r.id(), "H3", "bob", "more data");
        tools.ideas.text("not JSON at all").text("still not JSON");

        service.refine(r.id(), "H3", "bob");
        service.idle(r.id()).join();

        assertThat(store.versions(r.id(), "H3"))
                .singleElement()
                .extracting(StoredHypothesis::state)
                .isEqualTo(HypothesisState.PROPOSED);
        assertThat(events.of("problem")).singleElement().asString().contains("press Refine to try again");
    }

    @Test
    void regenerateAddsNewHypothesesAfterTheExistingOnes() {
        Research r = ready();
        tools.ideas.ideas("hypotheses", "review");

        service.regenerate(r.id(), "bob");
        service.idle(r.id()).join();

        List<StoredHypothesis> all = store.hypotheses(r.id());
        assertThat(all).extracting(StoredHypothesis::id).containsExactly("H2", "H1", "H3", "H5", "H4", "H6");
        assertThat(all).extracting(StoredHypothesis::position).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(all.subList(3, 6)).allSatisfy(h -> {
            assertThat(h.state()).isEqualTo(HypothesisState.PROPOSED);
            assertThat(h.hypothesis().version()).isOne();
        });
        Research after = store.research(r.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ResearchStatus.READY);
        assertThat(after.detail()).isEqualTo("6 hypotheses");
    }

    @Test
    void newHypothesesThatCannotBeSavedAreDraftedAgainOnceWritesSucceed() {
        Research r = ready();
        tools.ideas.ideas("hypotheses", "review", "hypotheses", "review");
        events.when("status GENERATING: drafting 3 more", () -> store.failWrites("No space left on device"));

        service.regenerate(r.id(), "bob");
        service.idle(r.id()).join();
        assertThat(store.hypotheses(r.id())).as("none of the new draft").hasSize(3);
        assertThat(events.of("problem")).as("held, not failed").isEmpty();

        store.failWrites(null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.research(r.id()).orElseThrow().detail().equals("6 hypotheses"));
        assertThat(store.hypotheses(r.id()))
                .extracting(StoredHypothesis::id)
                .containsExactly("H2", "H1", "H3", "H5", "H4", "H6");
        assertThat(store.research(r.id()).orElseThrow().status()).isEqualTo(ResearchStatus.READY);
        assertThat(events.of("problem"))
                .singleElement()
                .asString()
                .contains("could not be saved")
                .contains("No space left on device");
        assertThat(tools.ideas.calls()).as("drafted and reviewed again").isEqualTo(3 + 4);
    }

    @Test
    void newHypothesesSavedBeforeWritesFailedAreNotDraftedTwice() {
        Research r = ready();
        tools.ideas.ideas("hypotheses", "review");
        events.when("hypothesis H4 v1", () -> store.failWrites("No space left on device"));

        service.regenerate(r.id(), "bob");
        service.idle(r.id()).join();
        assertThat(store.research(r.id()).orElseThrow().status())
                .as("the status after the saved draft was not saved")
                .isEqualTo(ResearchStatus.GENERATING);

        store.failWrites(null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.research(r.id()).orElseThrow().status() == ResearchStatus.READY);
        assertThat(store.research(r.id()).orElseThrow().detail()).isEqualTo("6 hypotheses");
        assertThat(store.hypotheses(r.id())).hasSize(6);
        assertThat(tools.ideas.calls()).as("no second draft").isEqualTo(3 + 2);
    }

    @Test
    void aReviewAgainThatCannotBeSavedIsMadeAgainOnceWritesSucceed() {
        tools.ideas.ideas("elements", "hypotheses"); // the review call finds no answer and fails
        Research r = started();
        assertThat(store.hypotheses(r.id()))
                .hasSize(3)
                .allSatisfy(h -> assertThat(h.hypothesis().review()).isNull());
        tools.ideas.ideas("review", "review");
        events.when("status GENERATING: reviewing 3", () -> store.failWrites("No space left on device"));

        service.reviewAgain(r.id(), "bob");
        service.idle(r.id()).join();
        assertThat(store.hypotheses(r.id()))
                .allSatisfy(h -> assertThat(h.hypothesis().review()).isNull());

        store.failWrites(null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.research(r.id()).orElseThrow().status() == ResearchStatus.READY);
        assertThat(store.hypotheses(r.id()))
                .hasSize(3)
                .allSatisfy(h -> assertThat(h.hypothesis().review()).isNotNull());
        assertThat(events.of("problem")).last().asString().contains("could not be saved");
        assertThat(tools.ideas.calls()).isEqualTo(3 + 2);
    }

    @Test
    void aDiscardedHypothesisCanNeitherBeRefinedNorApproved() {
        Research r = ready();
        service.feedback(r.id(), "H3", "bob", "not worth it");

        service.discard(r.id(), "H3", "bob");
        service.idle(r.id()).join();

        assertThat(store.versions(r.id(), "H3"))
                .singleElement()
                .extracting(StoredHypothesis::state)
                .isEqualTo(HypothesisState.DISCARDED);
        assertThat(events.of("hypothesis")).last().isEqualTo("H3 v1 DISCARDED 0/0");
        assertThatThrownBy(() -> service.refine(r.id(), "H3", "bob"))
                .isInstanceOf(ResearchRefusedException.class)
                .hasMessageContaining("H3 was discarded");
        assertThatThrownBy(() -> service.approve(r.id(), "H3", Approver.allowed("alice")))
                .isInstanceOf(ResearchRefusedException.class)
                .hasMessageContaining("H3 was discarded");
        assertThat(store.runs(r.id())).isEmpty();
    }

    // runs

    @Test
    void anApproverIsAskedForWhenTheRuleSaysNo() {
        Research r = ready();
        assertThatThrownBy(() -> service.approve(r.id(), "H1", Approver.refused("eve", "alice or bob")))
                .isInstanceOf(ResearchRefusedException.class)
                .hasMessage("eve is not an approver; ask alice or bob to approve the run");
        assertThat(store.runs(r.id())).isEmpty();
        assertThat(store.hypotheses(r.id()))
                .allSatisfy(h -> assertThat(h.state()).isEqualTo(HypothesisState.PROPOSED));
    }

    @Test
    void anApprovedRunIsQueuedThenRunsToItsFinalAnswer() {
        Research r = ready();
        tools.experiments = new ScriptedModel()
                .tool("list_files", Map.of("dir_path", "."))
                .tool("final_answer", Map.of("answer", "the starter code already scores 0.5"));

        ResearchRun run = service.approve(r.id(), "H1", Approver.allowed("alice"));

        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(run.approver()).isEqualTo("alice");
        assertThat(run.hypothesisVersion()).isOne();
        assertThat(run.runDir())
                .isEqualTo(
                        dir.resolve("runs").resolve(run.id()).toAbsolutePath().toString());
        ResearchRun done = awaitRun(run.id(), RunStatus.DONE);
        assertThat(done.task()).isEqualTo("digits");
        assertThat(done.result().stopReason()).isEqualTo(StopReason.FINAL_ANSWER);
        assertThat(done.result().steps()).isEqualTo(2);
        assertThat(store.steps(run.id())).extracting(StepRecord::action).containsExactly("list_files", "final_answer");
        assertThat(store.hypotheses(r.id()))
                .filteredOn(h -> h.id().equals("H1"))
                .singleElement()
                .extracting(StoredHypothesis::state)
                .isEqualTo(HypothesisState.APPROVED);
        assertThat(store.research(r.id()).orElseThrow().status()).isEqualTo(ResearchStatus.DONE);
        service.idle(r.id()).join();
        assertThat(events.of("runQueued")).containsExactly(run.id() + " QUEUED approved by alice");
        assertThat(events.log)
                .containsSubsequence(
                        "setup " + run.id() + " digits",
                        "runStarted " + run.id() + " on digits",
                        "baseline " + run.id() + " accuracy 0.5",
                        "step " + run.id() + " 1 list_files",
                        "step " + run.id() + " 2 final_answer",
                        "finished " + run.id() + " DONE final-answer");
    }

    @Test
    void aTreeRunStoresEachNodeAsAStepTellsTheNewBestsAndReportsTheTree() {
        Research r = ready();
        tools.experiments = new ScriptedModel();
        tools.sandbox().scoring(0.5, 0.5, 0.6, 0.55, 0.7);
        tools.tree = new ScriptedModel()
                .text(solution("a forest", 1))
                .text(solution("boosting", 2))
                .text(solution("a deeper forest", 3));

        ResearchRun run = service.approve(r.id(), "H1", Approver.allowed("alice"));
        ResearchRun done = awaitRun(run.id(), RunStatus.DONE);

        assertThat(done.result().finalScore()).isEqualTo(0.7);
        assertThat(done.result().baseline()).isEqualTo(0.5);
        assertThat(done.result().finalAnswer()).startsWith("best node n3 (improve)");
        assertThat(store.steps(run.id()))
                .extracting(StepRecord::step, StepRecord::action)
                .containsExactly(tuple(1, "tree_node"), tuple(2, "tree_node"), tuple(3, "tree_node"));
        assertThat(store.steps(run.id()).get(2).input())
                .contains("\"id\":\"n3\"")
                .contains("\"parent\":\"n1\"")
                .contains("\"operator\":\"improve\"");
        assertThat(store.steps(run.id()).get(2).observation()).contains("Plan: a deeper forest");
        service.idle(r.id()).join();
        assertThat(events.of("bestImproved"))
                .containsExactly(run.id() + " n1 accuracy 0.6 over 0.5", run.id() + " n3 accuracy 0.7 over 0.5");
        assertThat(events.of("status"))
                .anyMatch(s -> s.contains("solution tree, 2 done, 1 running, 0 failed; best accuracy 0.6000 (n1)"));
        await().atMost(RUN_TIMEOUT).until(() -> !events.reports.isEmpty());
        RunReport report = events.reports.get(0);
        assertThat(report.tree()).isEqualTo("n1 draft 0.6000  ◆\n└─ n3 improve 0.7000  ★ best\nn2 draft 0.5500");
        assertThat(report.plots()).extracting(p -> p.getFileName().toString()).contains("tree.png");
    }

    @Test
    void aReplyDuringATreeRunSteersTheNextNode() {
        Research r = ready();
        tools.experiments = new ScriptedModel();
        ScriptedModel.Hold hold = new ScriptedModel.Hold();
        tools.treeSettings = tools.treeSettings.withDrafts(2).withMaxNodes(2);
        tools.tree =
                new ScriptedModel().held(hold).text(solution("a forest", 1)).text(solution("boosting", 2));
        ResearchRun run = service.approve(r.id(), "H1", Approver.allowed("alice"));
        await().atMost(RUN_TIMEOUT).until(hold.reached::isDone);

        service.reply(run.id(), Approver.refused("ann", "alice"), "try gradient boosting");
        hold.release();
        awaitRun(run.id(), RunStatus.DONE);

        assertThat(tools.tree.user(0)).doesNotContain("try gradient boosting");
        assertThat(tools.tree.user(1)).contains("# The team's direction").contains("ann: try gradient boosting");
        assertThat(store.steps(run.id()).get(1).feedback()).containsExactly("ann: try gradient boosting");
    }

    @Test
    void aTreeRunAsksAnApproverBeforeItsFirstNodeRuns() {
        Research r = ready();
        tools.experiments = new ScriptedModel();
        tools.treeGate = org.mlrcopilot.agents.experiment.ApprovalGate.BEFORE_FIRST_EXECUTION;
        tools.treeSettings = tools.treeSettings.withDrafts(2).withMaxNodes(2);
        tools.tree = new ScriptedModel().text(solution("a forest", 1)).text(solution("boosting", 2));
        ResearchRun run = service.approve(r.id(), "H1", Approver.allowed("alice"));
        await().atMost(RUN_TIMEOUT).until(() -> !events.of("question").isEmpty());

        assertThat(events.of("question"))
                .singleElement()
                .asString()
                .contains("May I go ahead? Run solution n1 (draft) in the sandbox");
        assertThat(service.reply(run.id(), Approver.refused("ann", "alice"), "yes"))
                .as("only an approver answers it")
                .isFalse();
        assertThat(service.reply(run.id(), Approver.allowed("alice"), "yes")).isTrue();

        ResearchRun done = awaitRun(run.id(), RunStatus.DONE);
        assertThat(done.result().steps()).isEqualTo(2);
        assertThat(events.of("question")).as("asked once").hasSize(1);
    }

    private static String solution(String plan, int n) {
        return "{\"plan\": \"" + plan + "\", \"files\": {\"train.py\": \"print(" + n + ")\\n\"}}";
    }

    @Test
    void aRunWhoseStepCannotBeRecordedIsHeldAndGoesOnAfterItOnceWritesSucceed() {
        Research r = ready();
        tools.experiments = new ScriptedModel()
                .tool("list_files", Map.of("dir_path", "."))
                .tool("list_files", Map.of("dir_path", "env"))
                .tool("final_answer", Map.of("answer", "the starter code already scores 0.5"));
        ResearchRun run = service.approve(r.id(), "H1", Approver.allowed("alice"));
        events.when("step " + run.id() + " 1 ", () -> store.failWrites("No space left on device"));

        await().atMost(RUN_TIMEOUT).until(() -> events.log.stream().anyMatch(e -> e.startsWith("step " + run.id())));
        await("nothing more is recorded while writes fail")
                .during(Duration.ofMillis(300))
                .atMost(RUN_TIMEOUT)
                .until(() -> store.steps(run.id()).size() == 1);
        assertThat(store.run(run.id()).orElseThrow().status())
                .as("held, not failed")
                .isNotEqualTo(RunStatus.FAILED);

        store.failWrites(null);
        ResearchRun done = awaitRun(run.id(), RunStatus.DONE);
        assertThat(store.steps(run.id()))
                .as("the checkpointed step that was not recorded is recorded when the run goes on")
                .extracting(StepRecord::step, StepRecord::action)
                .containsExactly(tuple(1, "list_files"), tuple(2, "list_files"), tuple(3, "final_answer"));
        assertThat(done.result().stopReason()).isEqualTo(StopReason.FINAL_ANSWER);
        assertThat(events.of("problem")).singleElement().asString().contains("could not be saved");
    }

    @Test
    void anErrorInARunFailsThatRunAndTheWorkerTakesTheNext() {
        Research r = ready();
        tools.experiments = new ScriptedModel().error(new StackOverflowError("deeply nested hostile output"));
        ResearchRun failed = awaitRun(
                service.approve(r.id(), "H1", Approver.allowed("alice")).id(), RunStatus.FAILED);
        assertThat(events.of("problem")).singleElement().asString().contains("run " + failed.id() + " failed");

        tools.experiments = new ScriptedModel().tool("final_answer", Map.of("answer", "the starter code scores 0.5"));
        ResearchRun next = service.approve(r.id(), "H2", Approver.allowed("alice"));
        assertThat(awaitRun(next.id(), RunStatus.DONE).result().stopReason()).isEqualTo(StopReason.FINAL_ANSWER);
    }

    @Test
    void aSecondRunIsRefusedWhileOneIsActive() {
        Research r = ready();
        ScriptedModel.Hold hold = new ScriptedModel.Hold();
        tools.experiments = new ScriptedModel().held(hold).tool("final_answer", Map.of("answer", "done"));
        ResearchRun first = service.approve(r.id(), "H1", Approver.allowed("alice"));
        await().atMost(RUN_TIMEOUT).until(hold.reached::isDone);

        assertThatThrownBy(() -> service.approve(r.id(), "H2", Approver.allowed("alice")))
                .isInstanceOf(ResearchRefusedException.class)
                .hasMessageContaining("still active");

        hold.release();
        awaitRun(first.id(), RunStatus.DONE);
        assertThat(store.runs(r.id())).extracting(ResearchRun::id).containsExactly(first.id());
    }

    @Test
    void withoutAnExperimentModelTheRunFailsAndSaysWhy() {
        Research r = ready();
        tools.experiments = null;

        ResearchRun run = service.approve(r.id(), "H1", Approver.allowed("alice"));

        awaitRun(run.id(), RunStatus.FAILED);
        assertThat(store.research(r.id()).orElseThrow().status()).isEqualTo(ResearchStatus.FAILED);
        await().atMost(RUN_TIMEOUT).until(() -> !events.of("problem").isEmpty());
        assertThat(events.of("problem"))
                .singleElement()
                .asString()
                .contains("run " + run.id() + " failed")
                .contains("no language model is configured");
    }

    @Test
    void aPausedRunGoesOnWhenResumed() {
        Research r = ready();
        ScriptedModel.Hold hold = new ScriptedModel.Hold();
        tools.experiments = new ScriptedModel()
                .held(hold)
                .tool("list_files", Map.of("dir_path", "."))
                .tool("final_answer", Map.of("answer", "done"));
        ResearchRun run = service.approve(r.id(), "H1", Approver.allowed("alice"));
        await().atMost(RUN_TIMEOUT).until(hold.reached::isDone);

        service.control(run.id(), RunControl.PAUSED, "bob");
        assertThat(store.run(run.id()).orElseThrow().status()).isEqualTo(RunStatus.PAUSED);
        hold.release();
        await().atMost(RUN_TIMEOUT).until(() -> store.steps(run.id()).size() == 1);
        assertThat(tools.experiments.calls()).as("no step while paused").isEqualTo(1);
        assertThat(store.run(run.id()).orElseThrow().status())
                .as("the step in flight ended; the run stays paused")
                .isEqualTo(RunStatus.PAUSED);

        service.control(run.id(), RunControl.RUNNING, "bob");
        ResearchRun done = awaitRun(run.id(), RunStatus.DONE);

        assertThat(done.result().steps()).isEqualTo(2);
        service.idle(r.id()).join();
        assertThat(events.of("runControlled"))
                .containsExactly(run.id() + " PAUSED by bob", run.id() + " RUNNING by bob");
    }

    @Test
    void aStoppedRunEndsAfterItsCurrentStepAndCannotBeControlledAgain() {
        Research r = ready();
        ScriptedModel.Hold hold = new ScriptedModel.Hold();
        tools.experiments = new ScriptedModel().held(hold).tool("list_files", Map.of("dir_path", "."));
        ResearchRun run = service.approve(r.id(), "H1", Approver.allowed("alice"));
        await().atMost(RUN_TIMEOUT).until(hold.reached::isDone);

        service.control(run.id(), RunControl.STOPPED, "bob");
        hold.release();
        ResearchRun stopped = awaitRun(run.id(), RunStatus.STOPPED);

        assertThat(stopped.result().stopReason()).isEqualTo(StopReason.STOPPED);
        assertThat(store.steps(run.id())).extracting(StepRecord::action).containsExactly("list_files");
        assertThat(store.research(r.id()).orElseThrow().status()).isEqualTo(ResearchStatus.STOPPED);
        assertThatThrownBy(() -> service.control(run.id(), RunControl.RUNNING, "bob"))
                .isInstanceOf(ResearchRefusedException.class)
                .hasMessageContaining("has already finished");
        assertThatThrownBy(() -> service.control("run-none", RunControl.STOPPED, "bob"))
                .isInstanceOf(ResearchRefusedException.class)
                .hasMessageContaining("no run run-none");
        service.idle(r.id()).join();
        assertThat(events.of("runControlled")).containsExactly(run.id() + " STOPPED by bob");
        await().atMost(RUN_TIMEOUT).until(() -> !events.of("finished").isEmpty());
        assertThat(events.of("finished")).containsExactly(run.id() + " STOPPED stopped");
    }

    @Test
    void aReplyToARunIsFeedbackForItsNextStep() {
        Research r = ready();
        ScriptedModel.Hold hold = new ScriptedModel.Hold();
        tools.experiments = new ScriptedModel()
                .held(hold)
                .tool("list_files", Map.of("dir_path", "."))
                .tool("final_answer", Map.of("answer", "done"));
        ResearchRun run = service.approve(r.id(), "H1", Approver.allowed("alice"));
        await().atMost(RUN_TIMEOUT).until(hold.reached::isDone);

        assertThat(service.reply(run.id(), Approver.refused("ann", "alice"), "try a smaller learning rate"))
                .as("no question was pending")
                .isFalse();
        hold.release();
        awaitRun(run.id(), RunStatus.DONE);

        assertThat(store.runFeedback(run.id())).singleElement().satisfies(f -> {
            assertThat(f.author()).isEqualTo("ann");
            assertThat(f.hypothesisId()).isEqualTo("H1");
        });
        assertThat(store.steps(run.id()).get(1).feedback()).containsExactly("ann: try a smaller learning rate");
    }

    // after a restart

    @Test
    void anUnfinishedIdeaStageContinuesAfterARestartWithoutRepeatingWhatWasDone() {
        Research r = service.open(TestTools.LINK, "u1", "web", "web");
        store.save(r.with(ResearchStatus.GENERATING, "drafting 3 hypotheses", r.createdAt()));
        StoredBrief brief = new StoredBrief(
                r.id(),
                r.link(),
                "MLR-Copilot",
                "abstract",
                new ResearchElements(
                        List.of("generate hypotheses"),
                        List.of("retrieval never ablated"),
                        List.of("LLM research agents"),
                        "IdeaAgent then ExperimentAgent"),
                TestTools.relatedWork());
        store.save(brief);
        tools.ideas.ideas("hypotheses", "review");

        assertThat(service.recover()).isEqualTo(1);
        service.idle(r.id()).join();

        assertThat(store.research(r.id()).orElseThrow().status()).isEqualTo(ResearchStatus.READY);
        assertThat(store.hypotheses(r.id())).hasSize(3);
        assertThat(store.brief(r.id())).contains(brief);
        assertThat(tools.ideas.calls())
                .as("the elements were not asked for again")
                .isEqualTo(2);
        assertThat(events.of("brief")).as("the brief was not read again").isEmpty();
    }

    @Test
    void anInterruptedRefinementIsRefinedAgainAfterARestart() {
        Research r = ready();
        service.feedback(r.id(), "H2", "bob", "fewer GPU hours");
        StoredHypothesis h2 = store.hypotheses(r.id()).get(0);
        store.save(h2.in(HypothesisState.REFINING));
        tools.ideas.ideas("revision", "review");

        assertThat(service.recover()).isEqualTo(1);
        service.idle(r.id()).join();

        assertThat(store.versions(r.id(), "H2"))
                .extracting(StoredHypothesis::state)
                .containsExactly(HypothesisState.SUPERSEDED, HypothesisState.PROPOSED);
    }

    @Test
    void aRunInterruptedByARestartResumesAfterItsLastStep() {
        Research r = ready();
        ScriptedModel.Hold killed = new ScriptedModel.Hold();
        tools.experiments = new ScriptedModel()
                .tool("list_files", Map.of("dir_path", "."))
                .tool("write_file", Map.of("file_name", "notes.txt", "content", "lr 0.01"))
                .held(killed)
                .tool("final_answer", Map.of("answer", "never given"));
        ResearchRun run = service.approve(r.id(), "H1", Approver.allowed("alice"));
        await().atMost(RUN_TIMEOUT).until(killed.reached::isDone);
        service.close();
        assertThat(store.run(run.id()).orElseThrow()).satisfies(interrupted -> {
            assertThat(interrupted.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(interrupted.step()).isEqualTo(2);
        });
        assertThat(checkpoints.load(run.id()))
                .get()
                .satisfies(c -> assertThat(c.step()).isEqualTo(2));

        RecordingEvents after = new RecordingEvents();
        tools.experiments = new ScriptedModel()
                .tool("read_file", Map.of("file_name", "notes.txt"))
                .tool("final_answer", Map.of("answer", "lr 0.01 it is"));
        service = service(after);
        assertThat(service.recover()).isEqualTo(1);

        ResearchRun done = awaitRun(run.id(), RunStatus.DONE);
        assertThat(done.result().steps()).isEqualTo(4);
        assertThat(store.steps(run.id()))
                .extracting(StepRecord::action)
                .containsExactly("list_files", "write_file", "read_file", "final_answer");
        assertThat(store.steps(run.id()).get(2).observation()).contains("lr 0.01");
        assertThat(tools.experiments.user(0)).contains("Step 3 of");
        assertThat(after.of("runStarted")).containsExactly(run.id() + " resumed after step 2");
        assertThat(after.of("setup")).as("the set-up is not done again").isEmpty();
        assertThat(events.of("finished"))
                .as("nothing was reported as finished before the restart")
                .isEmpty();
    }

    @Test
    void aPauseOutlivesARestart() {
        Research r = ready();
        ScriptedModel.Hold hold = new ScriptedModel.Hold();
        tools.experiments = new ScriptedModel()
                .held(hold)
                .tool("list_files", Map.of("dir_path", "."))
                .tool("final_answer", Map.of("answer", "not before resume"));
        ResearchRun run = service.approve(r.id(), "H1", Approver.allowed("alice"));
        await().atMost(RUN_TIMEOUT).until(hold.reached::isDone);
        service.control(run.id(), RunControl.PAUSED, "bob");
        hold.release();
        await().atMost(RUN_TIMEOUT).until(() -> store.steps(run.id()).size() == 1);
        service.close();
        assertThat(store.run(run.id()).orElseThrow().status()).isEqualTo(RunStatus.PAUSED);

        tools.experiments = new ScriptedModel().tool("final_answer", Map.of("answer", "after resume"));
        RecordingEvents after = new RecordingEvents();
        service = service(after);
        assertThat(service.recover()).isEqualTo(1);
        await().atMost(RUN_TIMEOUT).until(() -> !after.of("runStarted").isEmpty());
        assertThat(store.run(run.id()).orElseThrow().status())
                .as("recovered, still paused")
                .isEqualTo(RunStatus.PAUSED);
        assertThat(tools.experiments.calls()).as("no model call before Resume").isZero();

        service.control(run.id(), RunControl.RUNNING, "bob");
        ResearchRun done = awaitRun(run.id(), RunStatus.DONE);
        assertThat(done.result().finalAnswer()).isEqualTo("after resume");
    }

    // helpers

    /** A research opened and started, its idea stage over. */
    private Research started() {
        Research r = service.open(TestTools.LINK, "u1", "web", "web");
        service.start(r.id());
        service.idle(r.id()).join();
        return r;
    }

    /** A research with three proposed hypotheses, H2, H1, H3 by rank. */
    private Research ready() {
        tools.ideas.ideas("elements", "hypotheses", "review");
        Research r = started();
        assertThat(store.research(r.id()).orElseThrow().status()).isEqualTo(ResearchStatus.READY);
        return r;
    }

    private ResearchRun awaitRun(String runId, RunStatus status) {
        return await().atMost(RUN_TIMEOUT).until(() -> store.run(runId).orElseThrow(), run -> run.status() == status);
    }
}
