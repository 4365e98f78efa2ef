package org.mlrcopilot.agents.experiment.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.experiment.ExperimentLimits;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.HeldOut;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.agents.task.Workspace;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.docker.DockerSandbox;

/** A scripted tree search on the digits task in the real Docker sandbox. */
class TreeSearchIT {

    private static final Path TASKS = Path.of("../tasks");
    private static DockerSandbox sandbox;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        try {
            sandbox = DockerSandbox.start(SandboxSettings.defaults());
        } catch (SandboxException e) {
            if (Boolean.getBoolean("mlr.requireSandboxes")) {
                fail("docker backend is required (mlr.requireSandboxes=true) but cannot start: " + e.getMessage(), e);
            }
            assumeTrue(false, "docker backend unavailable: " + e.getMessage());
        }
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void draftsRunACrashIsDebuggedAndTheBestScoreIsTheHarnesses() throws IOException {
        String svc = Files.readString(Path.of("src/test/resources/experiment/train_svc.py"));
        AnswerModel model = new AnswerModel()
                .code("an RBF SVC with a typo", svc.replace("model.fit(x_fit, y_fit)", "model.fit(x_fit, y_fitt)"))
                .then("The starter model, trained longer:\n```python\n"
                        + Files.readString(TASKS.resolve("digits-classifier/env/train.py"))
                                .replace("max_iter=20", "max_iter=2000")
                        + "```\n")
                .code("the RBF SVC, typo fixed", svc);
        Limits limits = Limits.defaults().withWallTime(Duration.ofMinutes(2));
        Evaluator evaluator = new Evaluator(sandbox, limits);
        TaskSpec task = Tasks.load(TASKS.resolve("digits-classifier"));
        Path runDir = tmp.resolve("run");

        TreeResult result = TreeSearch.builder(model, sandbox)
                .evaluator(evaluator)
                .limits(ExperimentLimits.defaults().withExecution(limits))
                .settings(TreeSettings.defaults().withDrafts(2).withMaxNodes(3).withDebug(3, 1.0))
                .team(Team.running())
                .build()
                .run(task, "Try an SVM.", runDir, TreeListener.ignore());

        assertThat(result.nodes())
                .extracting(Node::operator)
                .containsExactly(Operator.DRAFT, Operator.DRAFT, Operator.DEBUG);
        assertThat(result.nodes())
                .extracting(Node::status)
                .containsExactly(NodeStatus.FAILED, NodeStatus.DONE, NodeStatus.DONE);
        assertThat(result.nodes().get(0).output()).contains("NameError").contains("y_fitt");
        assertThat(model.prompts.get(2)).contains("y_fitt").contains("NameError");
        assertThat(result.nodes().get(2).parent()).isEqualTo("n1");
        assertThat(result.best()).isEqualTo("n3");
        double best = result.nodes().get(2).score();
        assertThat(result.separated()).isTrue();
        assertThat(result.validation()).isEqualTo(best);
        Workspace chosen = Workspace.open(task, runDir);
        assertThat(evaluator.score(task, chosen, HeldOut.VALIDATION).value())
                .as("nodes are compared on the validation rows")
                .isEqualTo(best);
        assertThat(result.result().finalScore())
                .as("the number reported is the test rows' score")
                .isEqualTo(evaluator.score(task, chosen, HeldOut.TEST).value());
        assertThat(result.result().baseline()).isEqualTo(0.9703703703703703);
        assertThat(result.result().finalScore()).isGreaterThan(result.result().baseline());
        assertThat(result.result().diff()).contains("SVC");
    }

    @Test
    void twoWorkersRunTwoNodesInTheSandboxAtTheSameTime() throws IOException {
        String svc = Files.readString(Path.of("src/test/resources/experiment/train_svc.py"));
        AnswerModel model = new AnswerModel()
                .code("an RBF SVC", svc)
                .code("an RBF SVC with a larger C", svc.replace("C=10", "C=20"));
        Limits limits = Limits.defaults().withWallTime(Duration.ofMinutes(2));
        TaskSpec task = Tasks.load(TASKS.resolve("digits-classifier"));

        TreeResult result = TreeSearch.builder(model, sandbox)
                .evaluator(new Evaluator(sandbox, limits))
                .limits(ExperimentLimits.defaults().withExecution(limits))
                .settings(TreeSettings.defaults().withDrafts(2).withMaxNodes(2).withWorkers(2))
                .team(Team.running())
                .build()
                .run(task, "Try an SVM.", tmp.resolve("run"), TreeListener.ignore());

        assertThat(result.nodes()).hasSize(2).allMatch(Node::isDone);
        Node a = result.nodes().get(0);
        Node b = result.nodes().get(1);
        assertThat(a.startedAt()).as("each started before the other ended").isBefore(b.endedAt());
        assertThat(b.startedAt()).isBefore(a.endedAt());
    }
}
