package org.mlrcopilot.agents.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.Sandbox;

/** A small task, the scripted collaborators and an agent wired from them. */
final class Harness {

    final Path dir;
    final TaskSpec task;
    final ScriptedChatModel main = new ScriptedChatModel();
    final ScriptedChatModel fast = new ScriptedChatModel();
    final ScriptedTeam team = new ScriptedTeam();
    final FakeSandbox sandbox = new FakeSandbox();
    final MutableClock clock = new MutableClock();
    final FileRunCheckpoints checkpoints;
    ExperimentLimits limits = ExperimentLimits.defaults().withMaxSteps(10);
    ApprovalGate gate = ApprovalGate.NONE;
    ModelRetriever retriever = ModelRetriever.none();
    CostGate costGate = CostGate.none();

    Harness(Path dir) {
        this.dir = dir;
        this.task = Tasks.load(task(dir.resolve("tiny")));
        this.checkpoints = new FileRunCheckpoints(dir.resolve("checkpoints"));
    }

    ExperimentAgent agent() {
        return agent(main, sandbox);
    }

    ExperimentAgent agent(ScriptedChatModel model, Sandbox box) {
        return ExperimentAgent.builder(model, fast, box)
                .evaluator(new Evaluator(box, Limits.defaults()))
                .limits(limits)
                .team(team)
                .checkpoints(checkpoints)
                .gate(gate)
                .clock(clock)
                .retriever(retriever)
                .costGate(costGate)
                .build();
    }

    Path runDir() {
        return dir.resolve("runs").resolve("run-1");
    }

    ExperimentResult run() {
        return agent().run(task, "Try a better model.", runDir(), StepListener.ignore());
    }

    static Path task(Path root) {
        write(root.resolve("env/train.py"), "print('training accuracy: 0.5000')\n");
        write(root.resolve("env/data/train.csv"), "x,label\n1,0\n");
        write(root.resolve("scripts/research_problem.txt"), "Improve the accuracy of the classifier.\n");
        write(root.resolve("scripts/eval.py"), "def get_score(path):\n    return 0.5\n");
        write(root.resolve("scripts/read_only_files.txt"), "data/*\n");
        write(root.resolve("scripts/task.yaml"), "run: python3 train.py\nmetric: accuracy\ndirection: higher\n");
        return root;
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
