package org.mlrcopilot.agents.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TasksTest {

    @TempDir
    Path tmp;

    @Test
    void loadsTheDigitsExample() {
        TaskSpec task = Tasks.load(TaskFixtures.examples().resolve("digits-classifier"));

        assertThat(task.name()).isEqualTo("digits-classifier");
        assertThat(task.researchProblem()).containsIgnoringCase("handwritten digit classifier");
        assertThat(task.readOnlyGlobs()).containsExactly("data/*");
        assertThat(task.runCommand()).containsExactly("python3", "train.py");
        assertThat(task.metric()).isEqualTo("accuracy");
        assertThat(task.direction()).isEqualTo(Direction.HIGHER);
        assertThat(task.prepareScript()).contains(task.root().resolve("scripts/prepare.py"));
        assertThat(task.evalScript()).isEqualTo(task.root().resolve("scripts/eval.py"));
    }

    @Test
    void loadsTheDiabetesExample() {
        TaskSpec task = Tasks.load(TaskFixtures.examples().resolve("diabetes-regression"));

        assertThat(task.metric()).isEqualTo("rmse");
        assertThat(task.direction()).isEqualTo(Direction.LOWER);
        assertThat(task.readOnlyGlobs()).containsExactly("data/*");
    }

    @Test
    void discoversTheExamplesByName() {
        List<String> names = Tasks.discover(TaskFixtures.examples()).stream()
                .map(TaskSpec::name)
                .toList();

        assertThat(names).contains("diabetes-regression", "digits-classifier");
        assertThat(names).isSorted();
    }

    @Test
    void everyShippedTaskLoadsWithItsScriptsMetricAndDirection() throws IOException {
        Map<String, String> metrics = Map.of(
                "breast-cancer-classifier", "accuracy HIGHER",
                "diabetes-regression", "rmse LOWER",
                "digits-classifier", "accuracy HIGHER",
                "wine-classifier", "accuracy HIGHER");

        List<TaskSpec> tasks = Tasks.discover(TaskFixtures.examples());

        assertThat(tasks)
                .extracting(TaskSpec::name)
                .containsExactly(
                        "breast-cancer-classifier", "diabetes-regression", "digits-classifier", "wine-classifier");
        for (TaskSpec task : tasks) {
            assertThat(task.metric() + " " + task.direction()).as(task.name()).isEqualTo(metrics.get(task.name()));
            assertThat(task.researchProblem()).as(task.name()).contains("submission.csv");
            assertThat(task.readOnlyGlobs()).as(task.name()).containsExactly("data/*");
            assertThat(task.runCommand()).as(task.name()).containsExactly("python3", "train.py");
            assertThat(task.prepareScript())
                    .as(task.name())
                    .contains(task.scriptsDir().resolve("prepare.py"));
            assertThat(task.scriptsDir().resolve("split.py")).as(task.name()).isRegularFile();
            assertThat(Files.readString(task.evalScript()))
                    .as(task.name() + ": eval.py scores the valid and test halves")
                    .contains("def get_score(path, split=None):");
            assertThat(task.envDir().resolve("train.py")).as(task.name()).isRegularFile();
            assertThat(task.envDir().resolve("data"))
                    .as(task.name() + ": data is written by prepare.py, never shipped")
                    .doesNotExist();
            assertThat(task.root().resolve("README.md")).as(task.name()).isRegularFile();
        }
    }

    @Test
    void missingEnvIsNamed() {
        Path root = TaskFixtures.task(tmp, "t", null);
        FileTrees.deleteTree(root.resolve("env"));

        assertThatThrownBy(() -> Tasks.load(root))
                .isInstanceOf(TaskException.class)
                .hasMessageContaining("task t")
                .hasMessageContaining("missing env/");
    }

    @Test
    void missingEvalIsNamed() {
        Path root = TaskFixtures.task(tmp, "t", null);
        FileTrees.deleteTree(root.resolve("scripts/eval.py"));

        assertThatThrownBy(() -> Tasks.load(root))
                .isInstanceOf(TaskException.class)
                .hasMessageContaining("missing scripts/eval.py");
    }

    @Test
    void missingResearchProblemIsNamed() {
        Path root = TaskFixtures.task(tmp, "t", null);
        FileTrees.deleteTree(root.resolve("scripts/research_problem.txt"));

        assertThatThrownBy(() -> Tasks.load(root)).hasMessageContaining("research_problem.txt");
    }

    @Test
    void withoutTaskYamlTheDefaultsApply() {
        TaskSpec task = Tasks.load(TaskFixtures.task(tmp, "t", null));

        assertThat(task.runCommand()).containsExactly("python3", "train.py");
        assertThat(task.direction()).isEqualTo(Direction.HIGHER);
        assertThat(task.prepareScript()).isEmpty();
        assertThat(task.readOnlyGlobs()).isEmpty();
    }

    @Test
    void parsesTaskYamlWithCommentsQuotesAndDirection() {
        String yaml = "# our settings\nrun: python3 train.py --epochs 3 \"--name=a b\"\nmetric: 'rmse'  # lower\n"
                + "direction: Lower\n";
        TaskSpec task = Tasks.load(TaskFixtures.task(tmp, "t", yaml));

        assertThat(task.runCommand()).containsExactly("python3", "train.py", "--epochs", "3", "--name=a b");
        assertThat(task.metric()).isEqualTo("rmse");
        assertThat(task.direction()).isEqualTo(Direction.LOWER);
    }

    @Test
    void aRuntimeScoreIsTimedByTheHarnessAndMustBeLowerIsBetter() {
        TaskSpec timed = Tasks.load(TaskFixtures.task(tmp, "t", "metric: seconds\ndirection: lower\nscore: runtime\n"));
        TaskSpec plain = Tasks.load(TaskFixtures.task(tmp, "p", "metric: accuracy\n"));

        assertThat(timed.timed()).isTrue();
        assertThat(plain.timed()).isFalse();
        assertThatThrownBy(() -> Tasks.load(TaskFixtures.task(tmp, "h", "metric: seconds\nscore: runtime\n")))
                .hasMessageContaining("direction: lower");
        assertThatThrownBy(() -> Tasks.load(TaskFixtures.task(tmp, "x", "score: printed\n")))
                .hasMessageContaining("expected eval or runtime");
    }

    @Test
    void badDirectionIsReported() {
        Path root = TaskFixtures.task(tmp, "t", "direction: sideways\n");

        assertThatThrownBy(() -> Tasks.load(root))
                .isInstanceOf(TaskException.class)
                .hasMessageContaining("bad scripts/task.yaml")
                .hasMessageContaining("sideways");
    }

    @Test
    void unknownKeyAndEmptyRunAreReported() {
        Path unknown = TaskFixtures.task(tmp, "a", "run: python3 x.py\ntimeout: 5\n");
        Path empty = TaskFixtures.task(tmp, "b", "run: \n");

        assertThatThrownBy(() -> Tasks.load(unknown))
                .hasMessageContaining("line 2")
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> Tasks.load(empty)).hasMessageContaining("command is empty");
    }

    @Test
    void readOnlyListSkipsBlanksAndComments() {
        Path root = TaskFixtures.task(tmp, "t", null);
        TaskFixtures.write(root.resolve("scripts/read_only_files.txt"), "# data\ndata/*\n\n  *.npy  \n");

        assertThat(Tasks.load(root).readOnlyGlobs()).containsExactly("data/*", "*.npy");
    }

    @Test
    void directionParsing() {
        assertThat(Direction.parse(" HIGHER ")).isEqualTo(Direction.HIGHER);
        assertThat(Direction.parse("lower")).isEqualTo(Direction.LOWER);
        assertThatThrownBy(() -> Direction.parse("max")).isInstanceOf(TaskException.class);
    }

    @Test
    void runCommandsSplitLikeAShell() {
        assertThat(TaskYaml.command("  sh -c 'python3 a.py && echo \"done now\"'  "))
                .containsExactly("sh", "-c", "python3 a.py && echo \"done now\"");
        assertThat(TaskYaml.command("a ''  b\"c d\"")).containsExactly("a", "", "bc d");
        assertThatThrownBy(() -> TaskYaml.command("python3 'x")).hasMessageContaining("unbalanced quote");
    }
}
