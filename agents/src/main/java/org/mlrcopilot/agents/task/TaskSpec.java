package org.mlrcopilot.agents.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One experiment task.
 *
 * @param name            the task directory's name
 * @param root            the task directory (holding env/ and scripts/)
 * @param researchProblem the text of scripts/research_problem.txt
 * @param readOnlyGlobs   globs relative to env/ that the agent may not write
 * @param runCommand      the command that runs the starter code in the workspace
 * @param metric          what eval.py's get_score returns, e.g. accuracy
 * @param direction       whether higher or lower scores are better
 * @param prepareScript   scripts/prepare.py, if the task has one
 * @param evalScript      scripts/eval.py
 * @param timed           the score is the run command's wall time as the harness measures it (task.yaml
 *                        {@code score: runtime}), whatever figure the code writes itself; eval.py then only checks
 *                        the outputs
 */
public record TaskSpec(
        String name,
        Path root,
        String researchProblem,
        List<String> readOnlyGlobs,
        List<String> runCommand,
        String metric,
        Direction direction,
        Optional<Path> prepareScript,
        Path evalScript,
        boolean timed) {

    /** A task scored by its eval.py. */
    public TaskSpec(
            String name,
            Path root,
            String researchProblem,
            List<String> readOnlyGlobs,
            List<String> runCommand,
            String metric,
            Direction direction,
            Optional<Path> prepareScript,
            Path evalScript) {
        this(
                name,
                root,
                researchProblem,
                readOnlyGlobs,
                runCommand,
                metric,
                direction,
                prepareScript,
                evalScript,
                false);
    }

    public TaskSpec {
        if (name == null || name.isBlank()) {
            throw new TaskException("task name is blank");
        }
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        if (researchProblem == null || researchProblem.isBlank()) {
            throw new TaskException("task " + name + ": research problem is empty");
        }
        readOnlyGlobs = List.copyOf(readOnlyGlobs);
        runCommand = List.copyOf(runCommand);
        if (runCommand.isEmpty() || runCommand.get(0).isBlank()) {
            throw new TaskException("task " + name + ": run command is empty");
        }
        if (metric == null || metric.isBlank()) {
            throw new TaskException("task " + name + ": metric is blank");
        }
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(prepareScript, "prepareScript");
        Objects.requireNonNull(evalScript, "evalScript");
    }

    /** The starter code and data, copied into each run's workspace. */
    public Path envDir() {
        return root.resolve("env");
    }

    /** The hidden scripts (research problem, prepare.py, eval.py); never visible to the agent. */
    public Path scriptsDir() {
        return root.resolve("scripts");
    }
}
