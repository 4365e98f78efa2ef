package org.mlrcopilot.agents.experiment.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.SandboxFailureException;

/** A node whose execution the sandbox itself failed says so, rather than blaming the node's code. */
class TreeSandboxFailureTest {

    @TempDir
    Path dir;

    @Test
    void aNodeTheSandboxFailedNamesTheSandbox() {
        ScoringSandbox sandbox = new ScoringSandbox();
        sandbox.onNodeExecution = workspace -> {
            throw new SandboxFailureException(
                    SandboxFailureException.Kind.CONTAINER_KILLED,
                    "the run's container was killed (signal 9) while the code ran (exit 137)",
                    null);
        };
        AnswerModel model = new AnswerModel().code("a forest", AnswerModel.scoring(0.6));

        TreeResult result = TreeSearch.builder(model, sandbox)
                .evaluator(new Evaluator(sandbox, Limits.defaults()))
                .settings(TreeSettings.defaults().withDrafts(1).withMaxNodes(1))
                .team(Team.running())
                .build()
                .run(task(), "Try a forest.", dir.resolve("runs/run-1"), TreeListener.ignore());

        assertThat(result.nodes()).singleElement().satisfies(node -> {
            assertThat(node.status()).isEqualTo(NodeStatus.FAILED);
            assertThat(node.output())
                    .contains("the sandbox failed (container killed from outside the sandbox)")
                    .doesNotContain("exit code 137");
        });
    }

    private TaskSpec task() {
        Path root = dir.resolve("tiny");
        write(root.resolve("env/train.py"), "print('training accuracy: 0.5000')\n");
        write(root.resolve("scripts/research_problem.txt"), "Improve the accuracy of the classifier.\n");
        write(root.resolve("scripts/eval.py"), "def get_score(path):\n    return 0.5\n");
        write(root.resolve("scripts/task.yaml"), "run: python3 train.py\nmetric: accuracy\ndirection: higher\n");
        return Tasks.load(root);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
