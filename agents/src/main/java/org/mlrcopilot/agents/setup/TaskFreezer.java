package org.mlrcopilot.agents.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mlrcopilot.agents.task.Direction;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.FileTrees;
import org.mlrcopilot.agents.task.HeldOut;
import org.mlrcopilot.agents.task.Score;
import org.mlrcopilot.agents.task.TaskException;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.agents.task.Workspace;
import org.mlrcopilot.sandbox.ExecutionResult;

/**
 * Turns a finished set-up directory into a task in the MLAgentBench layout and measures its baseline: split.py is run
 * again from scratch, the held-out files (hidden/) and eval.py go to the task's scripts/, never visible to the code
 * under test, the data and the paper's code become read-only parts of env/, and the baseline is scored by the frozen
 * evaluation. Any problem is a SetupException whose message tells the set-up agent what to fix.
 */
final class TaskFreezer {

    static final String TASK_DIR = "task";
    static final List<String> READ_ONLY = List.of("data/**", "prototype/**", "models/**");

    private final Evaluator evaluator;

    TaskFreezer(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    record Frozen(TaskSpec task, Score baseline) {}

    Frozen freeze(SetupTools tools, Path runDir, String metric, Direction direction, String problem) {
        Path setup = tools.dir();
        require(setup, "split.py", "write split.py (it makes env/data/ and hidden/ from raw/)");
        require(setup, "eval.py", "write eval.py with get_score(path)");
        require(setup, "env/train.py", "write env/train.py, the plan's baseline");
        FileTrees.deleteTree(setup.resolve("env/data"));
        FileTrees.deleteTree(setup.resolve("hidden"));
        ExecutionResult split = tools.run(Path.of("split.py"));
        if (!split.succeeded()) {
            throw new SetupException("split.py failed when run again from scratch (" + split.summary() + "):\n"
                    + SetupTools.tail(split.output()));
        }
        requireFiles(setup.resolve("env/data"), "split.py wrote nothing under env/data/");
        requireFiles(setup.resolve("hidden"), "split.py wrote nothing under hidden/ (the held-out labels)");
        checkNoLeak(setup);
        Path task = runDir.resolve(TASK_DIR);
        FileTrees.deleteTree(task);
        build(setup, task, metric, direction, problem);
        TaskSpec spec = Tasks.load(task);
        Path trial = runDir.resolve("setup-baseline");
        FileTrees.deleteTree(trial);
        try {
            List<HeldOut> parts = HeldOut.separates(spec)
                    ? List.of(HeldOut.ALL, HeldOut.VALIDATION, HeldOut.TEST)
                    : List.of(HeldOut.ALL);
            // a split eval.py must score each half, or it would fail the experiment's nodes later; the baseline
            // shown is the test rows', as the run's results are
            List<Score> scores = evaluator.baselines(spec, Workspace.create(spec, trial), parts);
            Score baseline = scores.get(scores.size() - 1);
            return new Frozen(spec, baseline);
        } catch (TaskException e) {
            throw new SetupException("the baseline could not be scored by the frozen evaluation: " + e.getMessage(), e);
        } finally {
            FileTrees.deleteTree(trial);
        }
    }

    private static void build(Path setup, Path task, String metric, Direction direction, String problem) {
        Path env = task.resolve("env");
        Path scripts = task.resolve("scripts");
        try {
            Files.createDirectories(env);
            FileTrees.copyTree(setup.resolve("env"), env);
            for (Path f : FileTrees.regularFiles(env)) {
                if (f.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("submission")
                        && f.getParent().equals(env)) {
                    Files.delete(f);
                }
            }
            FileTrees.copyTree(setup.resolve("prototype"), env.resolve("prototype"));
            FileTrees.copyTree(setup.resolve("models"), env.resolve("models"));
            Files.createDirectories(scripts);
            Files.copy(setup.resolve("eval.py"), scripts.resolve("eval.py"));
            Files.copy(setup.resolve("split.py"), scripts.resolve("split.py"));
            FileTrees.copyTree(setup.resolve("hidden"), scripts.resolve("hidden"));
            Files.writeString(scripts.resolve("research_problem.txt"), problem);
            Files.writeString(scripts.resolve("read_only_files.txt"), String.join("\n", READ_ONLY) + "\n");
            Files.writeString(
                    scripts.resolve("task.yaml"),
                    "run: python3 train.py\nmetric: \"" + metric.replace("\"", "'") + "\"\ndirection: "
                            + direction.name().toLowerCase(Locale.ROOT) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the task at " + task, e);
        }
    }

    /** No file the experiment sees may be a copy of a held-out file. */
    private static void checkNoLeak(Path setup) {
        Set<String> hidden = new HashSet<>();
        FileTrees.regularFiles(setup.resolve("hidden")).forEach(f -> hidden.add(FileTrees.sha256(f)));
        for (Path f : FileTrees.regularFiles(setup.resolve("env"))) {
            if (hidden.contains(FileTrees.sha256(f))) {
                throw new SetupException(setup.relativize(f) + " is a copy of a held-out file: env/ must not hold "
                        + "the held-out labels");
            }
        }
    }

    private static void require(Path setup, String file, String fix) {
        if (!Files.isRegularFile(setup.resolve(file))) {
            throw new SetupException(file + " is missing: " + fix);
        }
    }

    private static void requireFiles(Path dir, String problem) {
        if (FileTrees.regularFiles(dir).isEmpty()) {
            throw new SetupException(problem);
        }
    }
}
