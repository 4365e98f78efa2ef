package org.mlrcopilot.agents.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.docker.DockerSandbox;

/** Preparing, running and scoring tasks in the real Docker sandbox. */
class EvaluatorIT {

    private static DockerSandbox sandbox;
    private static Evaluator evaluator;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        sandbox = TaskSandboxes.start("docker", () -> DockerSandbox.start(SandboxSettings.defaults()));
        evaluator = new Evaluator(sandbox, Limits.defaults().withWallTime(Duration.ofMinutes(2)));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void digitsBaseline() throws IOException {
        TaskSpec task = Tasks.load(TaskFixtures.examples().resolve("digits-classifier"));
        Workspace ws = Workspace.create(task, tmp.resolve("run"));

        Score baseline = evaluator.baseline(task, ws);

        assertThat(baseline.metric()).isEqualTo("accuracy");
        assertThat(baseline.value()).isBetween(0.85, 0.99);
        assertThat(ws.list("data")).containsExactly("test_features.csv", "train.csv");
        assertThat(Files.readAllLines(ws.dir().resolve("data/test_features.csv"))
                        .get(0))
                .doesNotContain("label");
        assertThat(ws.list("")).doesNotContain("scripts/", "submission.csv");
        assertThat(task.envDir().resolve("data")).doesNotExist();
    }

    @Test
    void diabetesBaselineAndScoreOfTheStarterRun() {
        TaskSpec task = Tasks.load(TaskFixtures.examples().resolve("diabetes-regression"));
        Workspace ws = Workspace.create(task, tmp.resolve("run"));

        Score baseline = evaluator.baseline(task, ws);
        ExecutionResult run = evaluator.runStarter(task, ws);
        Score score = evaluator.score(task, ws);

        assertThat(baseline.value()).isBetween(40.0, 80.0);
        assertThat(baseline.direction()).isEqualTo(Direction.LOWER);
        assertThat(run.succeeded()).as(run.output()).isTrue();
        assertThat(run.changedFiles()).contains("submission.csv");
        assertThat(score.value()).isEqualTo(baseline.value());
        assertThat(ws.list("")).doesNotContain("scripts/", "env/");
    }

    @Test
    void scriptsAreNotVisibleToTheStarterCode() {
        Path root = TaskFixtures.task(tmp.resolve("tasks"), "peek", null);
        TaskFixtures.write(
                root.resolve("env/train.py"),
                String.join(
                        "\n",
                        "import os",
                        "print('LISTING', sorted(os.listdir('/workspace')))",
                        "seen = any(os.path.exists(p) for p in ['scripts/eval.py', '/workspace/scripts/eval.py', '../scripts/eval.py'])",
                        "print('SEEN' if seen else 'HIDDEN')",
                        "open('seen.txt', 'w').write('1' if seen else '0')",
                        ""));
        TaskFixtures.write(
                root.resolve("scripts/eval.py"),
                "def get_score(path):\n    return float(open(path + '/seen.txt').read())\n");
        TaskSpec task = Tasks.load(root);
        Workspace ws = Workspace.create(task, tmp.resolve("run"));

        ExecutionResult run = evaluator.runStarter(task, ws);

        assertThat(run.output()).contains("HIDDEN").doesNotContain("SEEN").doesNotContain("scripts");
        assertThat(evaluator.baseline(task, ws).value()).isZero();
    }

    @Test
    void prepareRunsOnceWithTheScriptsNextToEnv() throws IOException {
        Path root = TaskFixtures.task(tmp.resolve("tasks"), "prep", null);
        TaskFixtures.write(
                root.resolve("scripts/prepare.py"),
                String.join(
                        "\n",
                        "import os",
                        "assert os.path.exists('eval.py'), 'prepare.py runs from scripts/'",
                        "os.makedirs('../env/data', exist_ok=True)",
                        "open('../env/data/count.txt', 'a').write('prepared\\n')",
                        ""));
        TaskSpec task = Tasks.load(root);
        Workspace ws = Workspace.create(task, tmp.resolve("run"));

        evaluator.prepare(task, ws);
        evaluator.prepare(task, ws);
        evaluator.baseline(task, Workspace.open(task, ws.runDir()));

        assertThat(Files.readString(ws.dir().resolve("data/count.txt"))).isEqualTo("prepared\n");
        assertThat(ws.runDir().resolve(Evaluator.PREPARED_MARKER)).exists();
        assertThat(task.envDir().resolve("data")).doesNotExist();
        assertThat(ws.list("")).doesNotContain("scripts/", "prepare.py");
    }

    @Test
    void failingEvalReportsTheOutputTail() {
        Path root = TaskFixtures.task(tmp.resolve("tasks"), "broken", null);
        TaskFixtures.write(
                root.resolve("scripts/eval.py"),
                "def get_score(path):\n    print('looking at', path)\n    raise ValueError('broken on purpose 42')\n");
        TaskSpec task = Tasks.load(root);
        Workspace ws = Workspace.create(task, tmp.resolve("run"));

        assertThatThrownBy(() -> evaluator.score(task, ws))
                .isInstanceOf(TaskException.class)
                .hasMessageContaining("scoring failed")
                .hasMessageContaining("looking at env")
                .hasMessageContaining("ValueError: broken on purpose 42");
    }

    @Test
    void nonNumericScoreIsRefused() {
        Path root = TaskFixtures.task(tmp.resolve("tasks"), "odd", null);
        TaskFixtures.write(root.resolve("scripts/eval.py"), "def get_score(path):\n    return {'acc': 1}\n");
        TaskSpec task = Tasks.load(root);
        Workspace ws = Workspace.create(task, tmp.resolve("run"));

        assertThatThrownBy(() -> evaluator.score(task, ws))
                .isInstanceOf(TaskException.class)
                .hasMessageContaining("finite number")
                .hasMessageContaining("acc");
    }

    @Test
    void aTimedTaskIsScoredByTheWallTimeTheHarnessMeasuresNotTheFigureTheCodeWrites() {
        Path root = TaskFixtures.task(
                tmp.resolve("tasks"),
                "speed",
                "run: python3 train.py\nmetric: seconds\ndirection: lower\nscore: runtime\n");
        TaskFixtures.write(
                root.resolve("env/train.py"),
                "import time\ntime.sleep(1.5)\nopen('runtime.txt', 'w').write('0.001')\n");
        TaskFixtures.write(
                root.resolve("scripts/eval.py"),
                "import os\ndef get_score(path):\n    return float(open(os.path.join(path, 'runtime.txt')).read())\n");
        TaskSpec task = Tasks.load(root);
        Workspace ws = Workspace.create(task, tmp.resolve("run"));

        Score score = evaluator.score(task, ws);

        assertThat(task.timed()).isTrue();
        assertThat(score.metric()).isEqualTo("seconds");
        assertThat(score.value()).as("the measured run, not the 0.001 it wrote").isGreaterThanOrEqualTo(1.5);
    }

    @Test
    void aTimedRunWhoseOutputsFailTheEvaluationIsNotScored() {
        Path root = TaskFixtures.task(
                tmp.resolve("tasks"),
                "speed",
                "run: python3 train.py\nmetric: seconds\ndirection: lower\nscore: runtime\n");
        TaskFixtures.write(
                root.resolve("scripts/eval.py"),
                "import os\ndef get_score(path):\n    return float(open(os.path.join(path, 'runtime.txt')).read())\n");
        TaskSpec task = Tasks.load(root);
        Workspace ws = Workspace.create(task, tmp.resolve("run"));

        assertThatThrownBy(() -> evaluator.score(task, ws))
                .isInstanceOf(TaskException.class)
                .hasMessageContaining("runtime.txt");
    }
}
