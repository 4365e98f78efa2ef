package org.mlrcopilot.agents.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Workspace;

/** The mutable state of a run in progress; {@link #state()} is what a checkpoint keeps. */
final class Run {

    static final String INITIAL_SNAPSHOT = "initial";

    final TaskSpec task;
    final String plan;
    final Workspace ws;
    final String runId;
    final List<StepRecord> steps = new ArrayList<>();
    int step;
    String summary;
    boolean executed;
    String pendingQuestion;
    double baseline;
    String finalAnswer;
    /** Who hears about the run while it goes (set when it starts or resumes). */
    StepListener listener = StepListener.ignore();

    Run(TaskSpec task, String plan, Workspace ws, RunState state) {
        this.task = task;
        this.plan = plan;
        this.ws = ws;
        this.runId = state.runId();
        this.step = state.step();
        this.summary = state.summary();
        this.steps.addAll(state.steps());
        this.executed = state.executed();
        this.pendingQuestion = state.pendingQuestion();
        this.baseline = state.baseline();
    }

    Path runDir() {
        return ws.runDir();
    }

    Path outputs() {
        return runDir().resolve("outputs");
    }

    Path initialSnapshot() {
        return runDir().resolve("snapshots").resolve(INITIAL_SNAPSHOT);
    }

    List<StepRecord> recent(int keep) {
        return List.copyOf(steps.subList(Math.max(0, steps.size() - keep), steps.size()));
    }

    RunState state() {
        return new RunState(runId, step, summary, steps, executed, pendingQuestion, baseline);
    }
}
