package org.mlrcopilot.agents.experiment;

import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Workspace;
import org.mlrcopilot.agents.usage.BudgetExceededException;
import org.mlrcopilot.sandbox.Sandbox;

/**
 * Stages 2-3 of MLR-Copilot: measures the baseline, then lets the main model act on a workspace one tool call per
 * step (MLAgentBench actions) until it gives a final answer or a limit stops it, and scores the result.
 */
public final class ExperimentAgent {

    static final String PLAN_FILE = "plan.md";

    private final Evaluator evaluator;
    private final RunCheckpoints checkpoints;
    private final Clock clock;
    private final StepLoop loop;

    public ExperimentAgent(ChatModel main, ChatModel fast, Sandbox sandbox, Evaluator evaluator, ExperimentLimits limits,
            TeamChannel team, RunCheckpoints checkpoints, ApprovalGate gate, Clock clock) {
        this(main, fast, sandbox, evaluator, limits, team, checkpoints, gate, clock, ModelRetriever.none());
    }

    /** With a look-up behind the Retrieve Model action. */
    public ExperimentAgent(ChatModel main, ChatModel fast, Sandbox sandbox, Evaluator evaluator, ExperimentLimits limits,
            TeamChannel team, RunCheckpoints checkpoints, ApprovalGate gate, Clock clock, ModelRetriever retriever) {
        this(main, fast, sandbox, evaluator, limits, team, checkpoints, gate, clock, retriever, CostGate.none());
    }

    /** With a look-up behind Retrieve Model and the team's approval for steps above a cost threshold. */
    public ExperimentAgent(ChatModel main, ChatModel fast, Sandbox sandbox, Evaluator evaluator, ExperimentLimits limits,
            TeamChannel team, RunCheckpoints checkpoints, ApprovalGate gate, Clock clock, ModelRetriever retriever,
            CostGate costGate) {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(costGate, "costGate");
        Objects.requireNonNull(retriever, "retriever");
        Objects.requireNonNull(fast, "fast");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(gate, "gate");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.clock = Objects.requireNonNull(clock, "clock");
        Meter meter = new Meter();
        StepPrompt prompt = new StepPrompt(limits);
        Actions actions = new Actions(new ExecuteAction(sandbox, limits), new ModelActions(main, fast, meter, prompt),
                team, gate, checkpoints, retriever);
        this.loop = new StepLoop(main, meter, prompt, actions, team, checkpoints, limits, clock, costGate);
    }

    /** A new run in {@code runDir} (which must not hold a workspace yet); the run id is the directory's name. */
    public ExperimentResult run(TaskSpec task, String plan, Path runDir, StepListener listener) {
        Instant started = clock.instant();
        Workspace ws = Workspace.create(task, runDir);
        writePlan(ws.runDir(), plan == null ? "" : plan);
        Run run = new Run(task, plan == null ? "" : plan, ws, RunState.start(runId(ws.runDir())));
        return execute(run, started, listener);
    }

    /** Continues the run in {@code runDir} from its last completed step. */
    public ExperimentResult resume(TaskSpec task, Path runDir, StepListener listener) {
        Instant started = clock.instant();
        Workspace ws = Workspace.open(task, runDir);
        String runId = runId(ws.runDir());
        RunState state = checkpoints.load(runId)
                .orElseThrow(() -> new IllegalStateException("no checkpoint for run " + runId));
        return execute(new Run(task, readPlan(ws.runDir()), ws, state), started, listener);
    }

    private ExperimentResult execute(Run run, Instant started, StepListener listener) {
        Trace trace = new Trace(run.runDir());
        trace.touch();
        StopReason stop;
        try {
            StepListener hears = listener == null ? StepListener.ignore() : listener;
            run.listener = hears;
            measureBaseline(run, hears);
            stop = loop.run(run, started, trace, hears);
        } catch (BudgetExceededException e) {
            stop = StopReason.BUDGET;
        } catch (RuntimeException e) {
            stop = StopReason.error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return new Outcome(evaluator).of(run, trace.file(), stop);
    }

    private void measureBaseline(Run run, StepListener listener) {
        if (!Double.isNaN(run.baseline)) {
            return;
        }
        run.baseline = evaluator.hearing(listener::onWaiting).baseline(run.task, run.ws).value();
        run.ws.snapshot(Run.INITIAL_SNAPSHOT);
        checkpoints.save(run.state());
        listener.onBaseline(run.baseline, run.task.metric());
    }

    private static String runId(Path runDir) {
        return runDir.getFileName().toString();
    }

    private static void writePlan(Path runDir, String plan) {
        try {
            Files.writeString(runDir.resolve(PLAN_FILE), plan);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the plan in " + runDir, e);
        }
    }

    private static String readPlan(Path runDir) {
        Path file = runDir.resolve(PLAN_FILE);
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plan in " + file, e);
        }
    }
}
