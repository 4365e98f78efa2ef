package org.mlrcopilot.agents.experiment.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.json.JsonCodec;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.agents.usage.BudgetExceededException;
import org.mlrcopilot.sandbox.Limits;

/** The tree search on a tiny task, with a scripted model and a sandbox whose score is written in the code. */
class TreeSearchTest {

    @TempDir
    Path dir;

    private final ScoringSandbox sandbox = new ScoringSandbox();
    private final AnswerModel model = new AnswerModel();

    @Test
    void aDraftThatCrashesIsDebuggedAndTheFixWins() {
        model.code("an svm", "crash()\n").code("an svm, fixed", AnswerModel.scoring(0.7));

        TreeResult result = search(
                        TreeSettings.defaults().withDrafts(1).withMaxNodes(2).withDebug(3, 1.0))
                .run(task(), "Try an SVM.", runDir(), TreeListener.ignore());

        assertThat(result.nodes()).extracting(Node::operator).containsExactly(Operator.DRAFT, Operator.DEBUG);
        assertThat(result.nodes().get(0).status()).isEqualTo(NodeStatus.FAILED);
        assertThat(result.nodes().get(0).output()).contains("NameError");
        assertThat(result.nodes().get(1).parent()).isEqualTo("n1");
        assertThat(result.nodes().get(1).score()).isEqualTo(0.7);
        assertThat(model.prompts.get(1))
                .contains("Failed solution")
                .contains("NameError")
                .contains("crash()");
        assertThat(result.best()).isEqualTo("n2");
        assertThat(result.result().finalScore()).isEqualTo(0.7);
        assertThat(result.result().baseline()).isEqualTo(0.5);
    }

    @Test
    void anImprovementThatScoresBetterWinsAndBecomesTheRunsWorkspace() throws IOException {
        model.code("a forest", AnswerModel.scoring(0.6))
                .code("more trees", AnswerModel.scoring(0.8))
                .code("deeper trees", AnswerModel.scoring(0.7));

        TreeResult result = search(TreeSettings.defaults().withDrafts(1).withMaxNodes(3))
                .run(task(), "Try a forest.", runDir(), TreeListener.ignore());

        assertThat(result.nodes())
                .extracting(Node::operator)
                .containsExactly(Operator.DRAFT, Operator.IMPROVE, Operator.IMPROVE);
        assertThat(result.nodes()).extracting(Node::parent).containsExactly(null, "n1", "n2");
        assertThat(model.prompts.get(2)).contains("accuracy = 0.8").contains("# score=0.8");
        assertThat(result.best()).isEqualTo("n2");
        assertThat(result.result().finalScore()).isEqualTo(0.8);
        assertThat(result.result().improvementPct()).isCloseTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.result().stopReason().text()).isEqualTo("max-steps: 3 nodes");
        assertThat(Files.readString(runDir().resolve("workspace/train.py"))).contains("# score=0.8");
        assertThat(result.result().diff()).contains("+# score=0.8");
        assertThat(result.nodes().get(1).diff()).contains("+# score=0.8").contains("-print('training accuracy");
        assertThat(result.nodes().get(1).costUsd()).isPositive();
        assertThat(result.result().artifacts()).contains("submission.csv");
    }

    @Test
    void theScoreIsTheHarnessesNotWhatTheCodePrints() {
        model.code("claims a lot", "print('accuracy: 0.99')\n# score=0.55\n");

        TreeResult result = search(TreeSettings.defaults().withDrafts(1).withMaxNodes(1))
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(result.nodes().get(0).score()).isEqualTo(0.55);
        assertThat(result.result().finalScore()).isEqualTo(0.55);
    }

    @Test
    void theDebugDepthIsRespected() {
        for (int i = 0; i < 5; i++) {
            model.code("attempt " + i, "crash()\n");
        }

        TreeResult result = search(
                        TreeSettings.defaults().withDrafts(1).withMaxNodes(5).withDebug(2, 1.0))
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(result.nodes())
                .extracting(Node::operator)
                .containsExactly(Operator.DRAFT, Operator.DEBUG, Operator.DEBUG, Operator.DRAFT, Operator.DEBUG);
        assertThat(result.nodes()).extracting(Node::debugDepth).containsExactly(0, 1, 2, 0, 1);
        assertThat(result.nodes()).allMatch(Node::isFailed);
        assertThat(result.best()).isNull();
        assertThat(result.result().finalScore()).isNull();
    }

    @Test
    void theNodeBudgetIsRespected() {
        for (int i = 0; i < 6; i++) {
            model.code("attempt " + i, AnswerModel.scoring(0.6));
        }

        TreeResult result = search(TreeSettings.defaults().withDrafts(2).withMaxNodes(4))
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(result.nodes()).hasSize(4);
        assertThat(model.calls()).isEqualTo(4);
        assertThat(sandbox.executions).hasSize(4);
        assertThat(result.result().steps()).isEqualTo(4);
    }

    @Test
    void anAnswerWithoutFilesIsAFailedNodeThatIsDebugged() {
        model.then("I would use an SVM, but I will not write code.").code("the svm", AnswerModel.scoring(0.65));

        TreeResult result = search(
                        TreeSettings.defaults().withDrafts(1).withMaxNodes(2).withDebug(1, 1.0))
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(result.nodes().get(0).output()).contains("held no files");
        assertThat(result.nodes().get(1).score()).isEqualTo(0.65);
    }

    @Test
    void aResumedTreeKeepsItsFinishedNodesAndRunsTheInterruptedOneOnce() {
        model.code("first", AnswerModel.scoring(0.6)).code("second", AnswerModel.scoring(0.7));
        search(TreeSettings.defaults().withDrafts(2).withMaxNodes(2)).run(task(), "", runDir(), TreeListener.ignore());
        TreeCheckpoint checkpoint = new TreeCheckpoint(runDir());
        TreeCheckpoint.State saved = checkpoint.load().orElseThrow();
        Node second = saved.nodes().get(1);
        checkpoint.save(new TreeCheckpoint.State(
                saved.baseline(),
                saved.testBaseline(),
                List.of(
                        saved.nodes().get(0),
                        new Node(
                                second.id(),
                                null,
                                Operator.DRAFT,
                                NodeStatus.RUNNING,
                                0,
                                1,
                                "",
                                null,
                                "",
                                null,
                                0,
                                0,
                                0,
                                "",
                                second.startedAt(),
                                null,
                                "")),
                List.of(),
                false));
        AnswerModel resumed = new AnswerModel()
                .code("second again", AnswerModel.scoring(0.75))
                .code("better", AnswerModel.scoring(0.9));

        TreeResult result = TreeSearch.builder(resumed, sandbox)
                .evaluator(new Evaluator(sandbox, Limits.defaults()))
                .settings(TreeSettings.defaults().withDrafts(2).withMaxNodes(3))
                .team(Team.running())
                .build()
                .resume(task(), runDir(), TreeListener.ignore());

        assertThat(resumed.calls()).isEqualTo(2);
        assertThat(result.nodes()).extracting(Node::id).containsExactly("n1", "n2", "n3");
        assertThat(result.nodes().get(0).plan()).isEqualTo("first");
        assertThat(result.nodes().get(1).plan()).isEqualTo("second again");
        assertThat(result.nodes().get(1).attempts()).isEqualTo(2);
        assertThat(result.nodes().get(2).parent()).isEqualTo("n2");
        assertThat(result.best()).isEqualTo("n3");
        assertThat(result.result().baseline()).isEqualTo(0.5);
        assertThat(checkpoint.load().orElseThrow().nodes()).hasSize(3).noneMatch(Node::isRunning);
    }

    @Test
    void theTreeIsCheckpointedAfterEveryNode() {
        model.code("first", AnswerModel.scoring(0.6)).code("second", AnswerModel.scoring(0.7));
        List<Integer> savedNodes = new ArrayList<>();
        TreeListener listener = new TreeListener() {
            @Override
            public void onNode(Node node) {
                savedNodes.add((int) new TreeCheckpoint(runDir())
                        .load().orElseThrow().nodes().stream()
                                .filter(n -> !n.isRunning())
                                .count());
            }
        };

        search(TreeSettings.defaults().withDrafts(2).withMaxNodes(2)).run(task(), "", runDir(), listener);

        assertThat(savedNodes).containsExactly(1, 2);
        assertThat(JsonCodec.objectOrNull(read(runDir().resolve("tree.json"))).get("nodes"))
                .hasSize(2);
    }

    @Test
    void theTeamsStopStopsTheSearch() {
        model.code("first", AnswerModel.scoring(0.6)).code("second", AnswerModel.scoring(0.7));
        TreeResult result = TreeSearch.builder(model, sandbox)
                .evaluator(new Evaluator(sandbox, Limits.defaults()))
                .settings(TreeSettings.defaults().withDrafts(2).withMaxNodes(5))
                .team(new Team(() -> sandbox.executions.isEmpty() ? RunControl.RUNNING : RunControl.STOPPED))
                .build()
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(result.result().stopReason().text()).isEqualTo("stopped");
        assertThat(result.nodes()).hasSize(1);
        assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void aBudgetRefusalStopsTheSearchWithTheBudgetReason() {
        model.code("first", AnswerModel.scoring(0.6)).then(new BudgetExceededException("research budget spent"));

        TreeResult result = search(TreeSettings.defaults().withDrafts(1).withMaxNodes(5))
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(result.result().stopReason().text()).isEqualTo("budget");
        assertThat(result.best()).isEqualTo("n1");
        assertThat(result.result().finalScore()).isEqualTo(0.6);
    }

    @Test
    void twoWorkersExecuteTwoNodesAtTheSameTime() throws InterruptedException {
        model.code("first", AnswerModel.scoring(0.6)).code("second", AnswerModel.scoring(0.7));
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Boolean> sawTheOther = new java.util.concurrent.CopyOnWriteArrayList<>();
        sandbox.onNodeExecution = workspace -> {
            bothStarted.countDown();
            try {
                sawTheOther.add(bothStarted.await(20, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        TreeResult result = search(
                        TreeSettings.defaults().withDrafts(2).withMaxNodes(2).withWorkers(2))
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(sawTheOther).containsExactly(true, true);
        assertThat(sandbox.executions).hasSize(2);
        ScoringSandbox.Execution a = sandbox.executions.get(0);
        ScoringSandbox.Execution b = sandbox.executions.get(1);
        assertThat(a.startNanos()).isLessThan(b.endNanos());
        assertThat(b.startNanos()).isLessThan(a.endNanos());
        assertThat(result.nodes()).allMatch(Node::isDone);
        assertThat(result.best())
                .isEqualTo(result.nodes().get(0).score() > result.nodes().get(1).score() ? "n1" : "n2");
    }

    @Test
    void theWallTimeStopsTheSearch() {
        MutableTime clock = new MutableTime();
        model.code("first", AnswerModel.scoring(0.6)).code("second", AnswerModel.scoring(0.7));
        sandbox.onNodeExecution = workspace -> clock.advance(Duration.ofHours(3));

        TreeResult result = TreeSearch.builder(model, sandbox)
                .evaluator(new Evaluator(sandbox, Limits.defaults()))
                .settings(TreeSettings.defaults().withDrafts(2).withMaxNodes(5))
                .team(Team.running())
                .clock(clock)
                .build()
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(result.result().stopReason().text()).isEqualTo("wall-time");
        assertThat(result.nodes()).hasSize(1);
    }

    @Test
    void theBestNodeIsChosenOnValidationRowsAndScoredOnTheTestRowsOnce() {
        model.code("looks best", AnswerModel.scoring(0.8) + "# test=0.6\n")
                .code("looks worse", AnswerModel.scoring(0.7) + "# test=0.75\n");

        TreeResult result = search(TreeSettings.defaults().withDrafts(2).withMaxNodes(2))
                .run(splitTask(), "", runDir(), TreeListener.ignore());

        assertThat(result.separated()).isTrue();
        assertThat(result.nodes()).extracting(Node::score).containsExactly(0.8, 0.7);
        assertThat(result.best()).isEqualTo("n1");
        assertThat(result.validation()).isEqualTo(0.8);
        assertThat(result.result().finalScore()).isEqualTo(0.6);
        assertThat(result.result().baseline()).isEqualTo(0.5);
        // the baseline's validation and test scorings, one validation scoring per node, one test scoring at the end
        assertThat(sandbox.scorings).containsExactly("valid", "test", "valid", "valid", "test");
        assertThat(result.result().finalAnswer())
                .contains("best node n1")
                .contains("validation rows")
                .contains("test accuracy 0.6000");
    }

    @Test
    void aTaskWithoutAValidationSplitSaysSoAndIsNotScoredAgain() {
        model.code("only one", AnswerModel.scoring(0.8) + "# test=0.6\n");

        TreeResult result = search(TreeSettings.defaults().withDrafts(1).withMaxNodes(1))
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(result.separated()).isFalse();
        assertThat(result.result().finalScore()).isEqualTo(0.8);
        assertThat(sandbox.scorings).containsExactly("all", "all", "all");
        assertThat(result.result().finalAnswer()).contains("this task has no validation split");
    }

    @Test
    void severalSeedsRunTheBestNodeOncePerSeedAndReportTheMean() {
        model.code("random forest", AnswerModel.scoring(0.8) + "# seed1=0.6\n# seed2=0.7\n# seed3=0.8\n");

        TreeResult result = search(
                        TreeSettings.defaults().withDrafts(1).withMaxNodes(1).withSeeds(3))
                .run(splitTask(), "", runDir(), TreeListener.ignore());

        assertThat(result.seedScores()).containsExactly(0.6, 0.7, 0.8);
        assertThat(result.result().finalScore()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.result().finalAnswer()).contains("mean of 3 seeds, sd 0.1000");
    }

    @Test
    void aReplySteersTheNextNodeAndAClosedNodeIsNotExpanded() {
        model.code("an svm", "crash()\n")
                .code("boosting", AnswerModel.scoring(0.7))
                .code("boosting, deeper", AnswerModel.scoring(0.75));
        Team team = Team.running().replying().replying("ada: stop debugging node 1", "ada: try gradient boosting");

        TreeResult result = TreeSearch.builder(model, sandbox)
                .evaluator(new Evaluator(sandbox, Limits.defaults()))
                .settings(TreeSettings.defaults().withDrafts(1).withMaxNodes(3).withDebug(3, 1.0))
                .team(team)
                .build()
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(result.closed()).containsExactly("n1");
        assertThat(result.nodes())
                .extracting(Node::operator)
                .containsExactly(Operator.DRAFT, Operator.DRAFT, Operator.IMPROVE);
        assertThat(result.nodes().get(1).direction()).isEqualTo("ada: try gradient boosting");
        assertThat(model.prompts.get(1)).contains("# The team's direction").contains("try gradient boosting");
        assertThat(model.prompts.get(0)).doesNotContain("The team's direction");
        assertThat(result.nodes().get(2).direction()).isEmpty();
        assertThat(new TreeCheckpoint(runDir()).load().orElseThrow().closed()).containsExactly("n1");
    }

    @Test
    void theFirstExecutionGateAsksOnceBeforeAnyCodeRunsAndAResumeDoesNotAskAgain() {
        model.code("a forest", AnswerModel.scoring(0.6))
                .code("boosting", AnswerModel.scoring(0.7))
                .code("more trees", AnswerModel.scoring(0.8));
        Team team = Team.running().approving(true);

        TreeResult result = TreeSearch.builder(model, sandbox)
                .evaluator(new Evaluator(sandbox, Limits.defaults()))
                .settings(TreeSettings.defaults().withDrafts(2).withMaxNodes(3))
                .gate(org.mlrcopilot.agents.experiment.ApprovalGate.BEFORE_FIRST_EXECUTION)
                .team(team)
                .build()
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(team.asked)
                .singleElement()
                .asString()
                .startsWith("Run solution n1 (draft) in the sandbox (the first execution of this run): a forest")
                .contains("+# score=0.6");
        assertThat(result.nodes()).allMatch(Node::isDone);
        assertThat(new TreeCheckpoint(runDir()).load().orElseThrow().approved()).isTrue();
    }

    @Test
    void aDeclinedNodeIsNotRunNorFixedAndTheNextOneAsksAgain() {
        model.code("a forest", AnswerModel.scoring(0.6)).code("boosting", AnswerModel.scoring(0.7));
        Team team = Team.running().approving(false, true);

        TreeResult result = TreeSearch.builder(model, sandbox)
                .evaluator(new Evaluator(sandbox, Limits.defaults()))
                .settings(TreeSettings.defaults().withDrafts(1).withMaxNodes(2).withDebug(3, 1.0))
                .gate(org.mlrcopilot.agents.experiment.ApprovalGate.BEFORE_FIRST_EXECUTION)
                .team(team)
                .build()
                .run(task(), "", runDir(), TreeListener.ignore());

        assertThat(team.asked).hasSize(2);
        assertThat(result.nodes().get(0).output()).isEqualTo("the team declined running it");
        assertThat(result.nodes()).extracting(Node::operator).containsExactly(Operator.DRAFT, Operator.DRAFT);
        assertThat(result.closed()).containsExactly("n1");
        assertThat(sandbox.executions).hasSize(1);
        assertThat(result.best()).isEqualTo("n2");
    }

    @Test
    void onlyANodeThatBeatsEveryEarlierOneIsANewBest() {
        model.code("first", AnswerModel.scoring(0.6))
                .code("worse", AnswerModel.scoring(0.55))
                .code("better", AnswerModel.scoring(0.7));
        List<String> bests = new ArrayList<>();
        TreeListener listener = new TreeListener() {
            @Override
            public void onBest(Node node, Node previous) {
                bests.add(node.id() + "<" + (previous == null ? "-" : previous.id()));
            }
        };

        search(TreeSettings.defaults().withDrafts(2).withMaxNodes(3)).run(task(), "", runDir(), listener);

        assertThat(bests).containsExactly("n1<-", "n3<n1");
    }

    private TreeSearch search(TreeSettings settings) {
        return TreeSearch.builder(model, sandbox)
                .evaluator(new Evaluator(sandbox, Limits.defaults()))
                .settings(settings)
                .team(Team.running())
                .build();
    }

    private Path runDir() {
        return dir.resolve("runs/run-1");
    }

    private TaskSpec task() {
        Path root = dir.resolve("tiny");
        if (!Files.isDirectory(root)) {
            write(root.resolve("env/train.py"), "print('training accuracy: 0.5000')\n");
            write(root.resolve("env/data/train.csv"), "x,label\n1,0\n");
            write(root.resolve("scripts/research_problem.txt"), "Improve the accuracy of the classifier.\n");
            write(root.resolve("scripts/eval.py"), "def get_score(path):\n    return 0.5\n");
            write(root.resolve("scripts/read_only_files.txt"), "data/*\n");
            write(root.resolve("scripts/task.yaml"), "run: python3 train.py\nmetric: accuracy\ndirection: higher\n");
        }
        return Tasks.load(root);
    }

    private TaskSpec splitTask() {
        TaskSpec plain = task();
        write(plain.root().resolve("scripts/eval.py"), "def get_score(path, split=None):\n    return 0.5\n");
        return Tasks.load(plain.root());
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
