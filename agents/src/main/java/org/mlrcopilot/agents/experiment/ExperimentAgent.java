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
import org.mlrcopilot.agents.task.HeldOut;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Workspace;
import org.mlrcopilot.agents.usage.BudgetExceededException;
import org.mlrcopilot.sandbox.Limits;
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

    private ExperimentAgent(Builder b) {
        ChatModel main = Objects.requireNonNull(b.main, "main");
        ChatModel fast = Objects.requireNonNull(b.fast, "fast");
        Sandbox sandbox = Objects.requireNonNull(b.sandbox, "sandbox");
        ExperimentLimits limits = b.limits;
        TeamChannel team = Objects.requireNonNull(b.team, "team");
        ApprovalGate gate = b.gate;
        ModelRetriever retriever = b.retriever;
        CostGate costGate = b.costGate;
        this.evaluator = b.evaluator != null ? b.evaluator : new Evaluator(sandbox, Limits.defaults());
        this.checkpoints = Objects.requireNonNull(b.checkpoints, "checkpoints");
        this.clock = b.clock;
        Meter meter = new Meter();
        StepPrompt prompt = new StepPrompt(limits);
        Actions actions = new Actions(
                new ExecuteAction(sandbox, limits),
                new ModelActions(main, fast, meter, prompt),
                team,
                gate,
                checkpoints,
                retriever);
        this.loop = new StepLoop(main, meter, prompt, actions, team, checkpoints, limits, clock, costGate);
    }

    /**
     * An agent acting with the {@code main} model (and the {@code fast} one for summaries and edits) on workspaces
     * whose scripts run in {@code sandbox}; the team and where checkpoints go must be given too.
     */
    public static Builder builder(ChatModel main, ChatModel fast, Sandbox sandbox) {
        return new Builder(main, fast, sandbox);
    }

    /** What an agent is made of; what is not set has the default its setter names. */
    public static final class Builder {

        private final ChatModel main;
        private final ChatModel fast;
        private final Sandbox sandbox;
        private Evaluator evaluator;
        private ExperimentLimits limits = ExperimentLimits.defaults();
        private TeamChannel team;
        private RunCheckpoints checkpoints;
        private ApprovalGate gate = ApprovalGate.NONE;
        private Clock clock = Clock.systemUTC();
        private ModelRetriever retriever = ModelRetriever.none();
        private CostGate costGate = CostGate.none();

        private Builder(ChatModel main, ChatModel fast, Sandbox sandbox) {
            this.main = main;
            this.fast = fast;
            this.sandbox = sandbox;
        }

        /** Scores the workspace; by default the task's evaluation in the same sandbox with default limits. */
        public Builder evaluator(Evaluator value) {
            this.evaluator = Objects.requireNonNull(value, "evaluator");
            return this;
        }

        /** Steps, wall time and each execution's limits; {@link ExperimentLimits#defaults()} by default. */
        public Builder limits(ExperimentLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** The team: feedback, questions, stop and pause (required). */
        public Builder team(TeamChannel value) {
            this.team = Objects.requireNonNull(value, "team");
            return this;
        }

        /** Where the run's state is kept after every step (required). */
        public Builder checkpoints(RunCheckpoints value) {
            this.checkpoints = Objects.requireNonNull(value, "checkpoints");
            return this;
        }

        /** Which actions need the team's approval first; none by default. */
        public Builder gate(ApprovalGate value) {
            this.gate = Objects.requireNonNull(value, "gate");
            return this;
        }

        /** The clock of the wall-time limit; the system's by default. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The look-up behind the Retrieve Model action; none by default. */
        public Builder retriever(ModelRetriever value) {
            this.retriever = Objects.requireNonNull(value, "retriever");
            return this;
        }

        /** The team's approval for steps above a cost threshold; none by default. */
        public Builder costGate(CostGate value) {
            this.costGate = Objects.requireNonNull(value, "costGate");
            return this;
        }

        public ExperimentAgent build() {
            return new ExperimentAgent(this);
        }
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
        RunState state =
                checkpoints.load(runId).orElseThrow(() -> new IllegalStateException("no checkpoint for run " + runId));
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
        return new RunOutcome(evaluator).of(run, trace.file(), stop);
    }

    private void measureBaseline(Run run, StepListener listener) {
        if (!Double.isNaN(run.baseline)) {
            return;
        }
        run.baseline = evaluator
                .hearing(listener::onWaiting)
                .baselines(run.task, run.ws, java.util.List.of(HeldOut.TEST))
                .get(0)
                .value();
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
