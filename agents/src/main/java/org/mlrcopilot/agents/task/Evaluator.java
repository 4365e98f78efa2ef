package org.mlrcopilot.agents.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.Sandbox;

/** Prepares, runs and scores a task's workspace in the sandbox; the hidden scripts never enter the workspace. */
public final class Evaluator {

    static final String PREPARED_MARKER = "prepared";
    static final String SCORE_SCRIPT = "import sys, json; sys.path.insert(0,'scripts'); import eval; "
            + "print('MLR_SCORE=' + json.dumps(eval.get_score('env')))";
    private static final String SPLIT_SCORE_SCRIPT = "import sys, json; sys.path.insert(0,'scripts'); import eval; "
            + "print('MLR_SCORE=' + json.dumps(eval.get_score('env', split=%s)))";

    private final Sandbox sandbox;
    private final Limits limits;
    private final java.util.function.Consumer<String> waiting;

    public Evaluator(Sandbox sandbox, Limits limits) {
        this(sandbox, limits, status -> {});
    }

    private Evaluator(Sandbox sandbox, Limits limits, java.util.function.Consumer<String> waiting) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.waiting = waiting;
    }

    /** The same evaluator, telling {@code waiting} what the sandbox waits for (a cluster's queue). */
    public Evaluator hearing(java.util.function.Consumer<String> value) {
        return new Evaluator(sandbox, limits, Objects.requireNonNull(value, "waiting"));
    }

    /** Runs scripts/prepare.py once, without network. */
    public void prepare(TaskSpec task, Workspace ws) {
        prepare(task, ws, NetworkPolicy.NONE);
    }

    /** Runs scripts/prepare.py (if any) once for this run, from scripts/ next to a copy of the workspace at env/. */
    public void prepare(TaskSpec task, Workspace ws, NetworkPolicy network) {
        Path marker = ws.runDir().resolve(PREPARED_MARKER);
        if (task.prepareScript().isEmpty() || Files.exists(marker)) {
            return;
        }
        try (Staging staging = Staging.of(task, ws.dir())) {
            ExecutionResult result =
                    run(staging.dir(), network, List.of("sh", "-c", "cd scripts && python3 prepare.py"));
            require(result, task, "scripts/prepare.py");
            FileTrees.copyTree(staging.env(), ws.dir());
            Files.writeString(marker, task.name() + " prepared at " + Instant.now() + "\n");
        } catch (IOException e) {
            throw new TaskException("cannot record that task " + task.name() + " is prepared: " + e.getMessage(), e);
        }
    }

    /** Runs the task's run command in the workspace, without network; a failed run is a result. */
    public ExecutionResult runStarter(TaskSpec task, Workspace ws) {
        return run(ws.dir(), NetworkPolicy.NONE, task.runCommand());
    }

    /** get_score on a staged copy of the workspace; the workspace itself is not touched. */
    public Score score(TaskSpec task, Workspace ws) {
        return score(task, ws.dir(), HeldOut.ALL);
    }

    /**
     * get_score of one part of the held-out rows on a staged copy of the workspace; a task whose eval.py does not
     * separate them ({@link HeldOut#separates}) scores all rows.
     */
    public Score score(TaskSpec task, Workspace ws, HeldOut part) {
        return score(task, ws.dir(), part);
    }

    /** Prepares the task if needed, runs the starter code on a copy of the prepared, unedited workspace and scores it. */
    public Score baseline(TaskSpec task, Workspace ws) {
        return baselines(task, ws, List.of(HeldOut.ALL)).get(0);
    }

    /**
     * Prepares the task if needed, runs the starter code once on a copy of the prepared, unedited workspace and
     * scores each of {@code parts}, in that order.
     */
    public List<Score> baselines(TaskSpec task, Workspace ws, List<HeldOut> parts) {
        prepare(task, ws);
        try (Staging scratch = Staging.empty()) {
            FileTrees.copyTree(ws.dir(), scratch.dir());
            FileTrees.copyTree(task.envDir(), scratch.dir());
            ExecutionResult result = run(scratch.dir(), NetworkPolicy.NONE, task.runCommand());
            require(result, task, "the starter code (" + String.join(" ", task.runCommand()) + ")");
            if (task.timed()) {
                // a run time is the same whatever rows are asked for: timed once, not once per part
                Score timed = timed(task, scratch.dir(), parts.get(0));
                return parts.stream().map(p -> timed).toList();
            }
            return parts.stream().map(p -> score(task, scratch.dir(), p)).toList();
        }
    }

    /**
     * Runs the task's run command once more on a copy of {@code workspace} with {@code env} set (a seed, say) and
     * scores what it wrote on {@code part}; the workspace itself is not touched.
     */
    public Score rerun(TaskSpec task, Path workspace, java.util.Map<String, String> env, HeldOut part) {
        try (Staging scratch = Staging.empty()) {
            FileTrees.copyTree(workspace, scratch.dir());
            ExecutionResult result = sandbox.run(ExecutionRequest.builder(scratch.dir(), task.runCommand())
                    .limits(limits)
                    .network(NetworkPolicy.NONE)
                    .env(env)
                    .build());
            require(result, task, "the run with " + env);
            return score(task, scratch.dir(), part);
        }
    }

    /** How often a timed task's run command is run for one score (the median is taken). */
    static final int TIMED_RUNS = 3;

    private Score score(TaskSpec task, Path workspace, HeldOut part) {
        if (task.timed()) {
            return timed(task, workspace, part);
        }
        return evaluated(task, workspace, part);
    }

    /**
     * A timed task's score: the median wall time of {@link #TIMED_RUNS} runs of its run command on fresh copies of
     * the workspace, measured by the sandbox; the outputs of each run must pass eval.py, whose own number (a figure
     * the code may have written itself) is not used.
     */
    private Score timed(TaskSpec task, Path workspace, HeldOut part) {
        List<Double> seconds = new java.util.ArrayList<>();
        for (int i = 0; i < TIMED_RUNS; i++) {
            try (Staging scratch = Staging.empty()) {
                FileTrees.copyTree(workspace, scratch.dir());
                ExecutionResult result = run(scratch.dir(), NetworkPolicy.NONE, task.runCommand());
                require(result, task, "the timed run (" + String.join(" ", task.runCommand()) + ")");
                evaluated(task, scratch.dir(), part);
                seconds.add(result.duration().toNanos() / 1e9);
            }
        }
        java.util.Collections.sort(seconds);
        return new Score(task.metric(), seconds.get(seconds.size() / 2), task.direction());
    }

    private Score evaluated(TaskSpec task, Path workspace, HeldOut part) {
        String script = part == HeldOut.ALL || !HeldOut.separates(task)
                ? SCORE_SCRIPT
                : String.format(java.util.Locale.ROOT, SPLIT_SCORE_SCRIPT, part.python());
        try (Staging staging = Staging.of(task, workspace)) {
            ExecutionResult result = run(staging.dir(), NetworkPolicy.NONE, List.of("python3", "-c", script));
            if (!result.succeeded()) {
                throw new TaskException("task " + task.name() + ": scoring failed (" + result.summary() + "):\n"
                        + Outputs.tail(result.output()));
            }
            return new Score(task.metric(), Outputs.score(task.name(), result.output()), task.direction());
        }
    }

    private ExecutionResult run(Path workspace, NetworkPolicy network, List<String> command) {
        return sandbox.run(ExecutionRequest.builder(workspace, command)
                .limits(limits)
                .network(network)
                .listener(new org.mlrcopilot.sandbox.OutputListener() {
                    @Override
                    public void onLine(OutputStream stream, String line) {}

                    @Override
                    public void onStatus(String status) {
                        waiting.accept(status);
                    }
                })
                .build());
    }

    private static void require(ExecutionResult result, TaskSpec task, String what) {
        if (!result.succeeded()) {
            throw new TaskException("task " + task.name() + ": " + what + " failed (" + result.summary() + "):\n"
                    + Outputs.tail(result.output()));
        }
        if (!result.refusedFiles().isEmpty()) {
            throw new TaskException("task " + task.name() + ": " + what
                    + " wrote files the sandbox refused to copy back: " + result.refusedFiles());
        }
    }
}
