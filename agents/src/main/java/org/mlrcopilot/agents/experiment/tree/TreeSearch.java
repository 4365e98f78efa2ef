package org.mlrcopilot.agents.experiment.tree;

import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlrcopilot.agents.experiment.ApprovalGate;
import org.mlrcopilot.agents.experiment.ExperimentLimits;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.StopReason;
import org.mlrcopilot.agents.experiment.TeamChannel;
import org.mlrcopilot.agents.json.JsonCodec;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.FileTrees;
import org.mlrcopilot.agents.task.HeldOut;
import org.mlrcopilot.agents.task.Score;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Workspace;
import org.mlrcopilot.agents.usage.BudgetExceededException;
import org.mlrcopilot.agents.usage.PriceTable;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.Sandbox;

/**
 * The experiment stage as a search over a tree of whole solutions (AIDE, AI-Scientist-v2): after the baseline, the
 * {@link Policy} picks drafts, improvements and fixes, each one model call whose files are executed in the sandbox
 * and scored by the task's own evaluation; up to {@link TreeSettings#workers()} nodes are made at the same time. The
 * tree is saved as {@code tree.json} in the run directory after every node, so a resumed run goes on with it. The
 * search stops on the node budget, the wall time, the model budget or the team's stop; the best-scoring node's
 * workspace becomes the run's workspace.
 */
public final class TreeSearch {

    static final String PLAN_FILE = "plan.md";
    static final String TRACE_FILE = "trace.jsonl";
    private static final long POLL_MILLIS = 200;

    private final ChatModel main;
    private final Sandbox sandbox;
    private final Evaluator evaluator;
    private final ExperimentLimits limits;
    private final TreeSettings settings;
    private final TeamChannel team;
    private final Clock clock;
    private final PriceTable prices;
    private final ApprovalGate gate;

    private TreeSearch(Builder b) {
        this.gate = b.gate;
        this.main = Objects.requireNonNull(b.main, "main");
        this.sandbox = Objects.requireNonNull(b.sandbox, "sandbox");
        this.evaluator = b.evaluator != null ? b.evaluator : new Evaluator(sandbox, Limits.defaults());
        this.limits = b.limits;
        this.settings = b.settings;
        this.team = Objects.requireNonNull(b.team, "team");
        this.clock = b.clock;
        this.prices = b.prices;
    }

    /** A search whose operators ask {@code main} and whose nodes run in {@code sandbox}; the team must be given. */
    public static Builder builder(ChatModel main, Sandbox sandbox) {
        return new Builder(main, sandbox);
    }

    /** What a search is made of; what is not set has the default its setter names. */
    public static final class Builder {

        private final ChatModel main;
        private final Sandbox sandbox;
        private Evaluator evaluator;
        private ExperimentLimits limits = ExperimentLimits.defaults();
        private TreeSettings settings = TreeSettings.defaults();
        private TeamChannel team;
        private Clock clock = Clock.systemUTC();
        private PriceTable prices = PriceTable.defaults();
        private ApprovalGate gate = ApprovalGate.NONE;

        private Builder(ChatModel main, Sandbox sandbox) {
            this.main = main;
            this.sandbox = sandbox;
        }

        /** Scores the baseline and every node; by default the task's evaluation in the same sandbox. */
        public Builder evaluator(Evaluator value) {
            this.evaluator = Objects.requireNonNull(value, "evaluator");
            return this;
        }

        /** The wall time of the run and each execution's limits (the step limit does not apply). */
        public Builder limits(ExperimentLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** Drafts, workers, node budget, debugging and selection; {@link TreeSettings#defaults()} by default. */
        public Builder settings(TreeSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** The team, whose stop stops the search and whose pause holds new nodes back (required). */
        public Builder team(TeamChannel value) {
            this.team = Objects.requireNonNull(value, "team");
            return this;
        }

        /** The clock of the wall-time limit and of the nodes' times; the system's by default. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The prices of a node's model call; {@link PriceTable#defaults()} by default. */
        public Builder prices(PriceTable value) {
            this.prices = Objects.requireNonNull(value, "prices");
            return this;
        }

        /**
         * When the team is asked before a node's code runs: never (the default), once before the first node runs,
         * or before every node.
         */
        public Builder gate(ApprovalGate value) {
            this.gate = Objects.requireNonNull(value, "gate");
            return this;
        }

        public TreeSearch build() {
            return new TreeSearch(this);
        }
    }

    /** Whether {@code runDir} holds a tree search's checkpoint, i.e. a search that {@link #resume} goes on with. */
    public static boolean hasTree(Path runDir) {
        return Files.isRegularFile(runDir.resolve(TreeCheckpoint.FILE));
    }

    /** A new search in {@code runDir} (which must not hold a workspace yet). */
    public TreeResult run(TaskSpec task, String plan, Path runDir, TreeListener listener) {
        Instant started = clock.instant();
        Workspace ws = Workspace.create(task, runDir);
        String text = plan == null ? "" : plan;
        write(ws.runDir().resolve(PLAN_FILE), text);
        return search(task, text, ws, TreeCheckpoint.State.empty(), started, listener);
    }

    /** Continues the search in {@code runDir}: finished nodes are kept, a node that was running is made again. */
    public TreeResult resume(TaskSpec task, Path runDir, TreeListener listener) {
        Instant started = clock.instant();
        Workspace ws = Workspace.open(task, runDir);
        TreeCheckpoint.State state = new TreeCheckpoint(ws.runDir())
                .load()
                .orElseThrow(() -> new IllegalStateException("no tree in " + ws.runDir()));
        return search(task, read(ws.runDir().resolve(PLAN_FILE)), ws, state, started, listener);
    }

    private TreeResult search(
            TaskSpec task,
            String plan,
            Workspace ws,
            TreeCheckpoint.State state,
            Instant started,
            TreeListener listener) {
        TreeListener hears = listener == null ? TreeListener.ignore() : listener;
        TreeCheckpoint checkpoint = new TreeCheckpoint(ws.runDir());
        SolutionTree tree = new SolutionTree(state.nodes());
        StarterCode starter = new StarterCode(ws.runDir().resolve("tree").resolve("starter"), task);
        double baseline = state.baseline();
        Double testBaseline = state.testBaseline();
        Set<String> closed = ConcurrentHashMap.newKeySet();
        closed.addAll(state.closed());
        StopReason stop;
        try {
            if (Double.isNaN(baseline)) {
                List<Score> measured = evaluator
                        .hearing(hears::onWaiting)
                        .baselines(task, ws, List.of(HeldOut.VALIDATION, HeldOut.TEST));
                baseline = measured.get(0).value();
                testBaseline = measured.get(1).value();
                FileTrees.deleteTree(starter.dir());
                FileTrees.copyTree(ws.dir(), starter.dir());
                checkpoint.save(new TreeCheckpoint.State(
                        baseline, testBaseline, tree.nodes(), List.copyOf(closed), state.approved()));
                hears.onBaseline(baseline, task.metric());
            }
            stop = new Search(
                            task,
                            ws.runDir(),
                            starter,
                            new TreePrompts(task, plan, starter),
                            baseline,
                            testBaseline,
                            tree,
                            closed,
                            state.approved(),
                            checkpoint,
                            hears)
                    .run(started);
        } catch (BudgetExceededException e) {
            stop = StopReason.BUDGET;
        } catch (RuntimeException e) {
            stop = StopReason.error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return new TreeOutcome(task, ws, starter.dir(), evaluator.hearing(hears::onWaiting), settings.seeds())
                .of(baseline, testBaseline, tree, List.copyOf(closed), stop);
    }

    /** One search's scheduling: starts nodes while workers are free, records them as they finish. */
    private final class Search {

        private final TaskSpec task;
        private final Path runDir;
        private final StarterCode starter;
        private final TreePrompts prompts;
        private final double baseline;
        private final Double testBaseline;
        private final SolutionTree tree;
        private final Set<String> closed;
        private final List<String> directions = new java.util.ArrayList<>();
        private volatile boolean approved;
        private final Object asking = new Object();
        private final TreeCheckpoint checkpoint;
        private final TreeListener listener;
        private final NodeRunner runner;
        private final Policy policy;
        private final Map<Future<Node>, Node> inFlight = new LinkedHashMap<>();
        private final Deque<Node> restarts = new ArrayDeque<>();

        Search(
                TaskSpec task,
                Path runDir,
                StarterCode starter,
                TreePrompts prompts,
                double baseline,
                Double testBaseline,
                SolutionTree tree,
                Set<String> closed,
                boolean approved,
                TreeCheckpoint checkpoint,
                TreeListener listener) {
            this.approved = approved;
            this.testBaseline = testBaseline;
            this.closed = closed;
            this.task = task;
            this.runDir = runDir;
            this.starter = starter;
            this.prompts = prompts;
            this.baseline = baseline;
            this.tree = tree;
            this.checkpoint = checkpoint;
            this.listener = listener;
            this.runner = new NodeRunner(main, sandbox, evaluator, limits.execution(), prices, clock);
            this.policy = new Policy(settings, task.direction());
        }

        StopReason run(Instant started) {
            for (Node node : tree.nodes()) {
                if (node.isRunning()) {
                    if (node.attempts() >= 2) {
                        finish(node.failed("interrupted twice while running", clock.instant()));
                    } else {
                        restarts.add(node);
                    }
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(settings.workers(), threads());
            CompletionService<Node> finished = new ExecutorCompletionService<>(pool);
            try {
                return schedule(started, finished);
            } finally {
                pool.shutdownNow();
            }
        }

        private StopReason schedule(Instant started, CompletionService<Node> finished) {
            while (true) {
                RunControl control = team.control();
                StopReason stop = control == RunControl.STOPPED ? StopReason.STOPPED : wallTime(started);
                if (stop != null) {
                    inFlight.keySet().forEach(f -> f.cancel(true));
                    return stop;
                }
                boolean paused = control == RunControl.PAUSED;
                while (!paused && inFlight.size() < settings.workers() && startNext(finished)) {
                    // started one more
                }
                if (inFlight.isEmpty() && !paused) {
                    return new StopReason(StopReason.Kind.MAX_STEPS, tree.size() + " nodes");
                }
                Future<Node> next;
                try {
                    next = finished.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    inFlight.keySet().forEach(f -> f.cancel(true));
                    return StopReason.STOPPED;
                }
                if (next != null) {
                    StopReason failed = collect(next);
                    if (failed != null) {
                        inFlight.keySet().forEach(f -> f.cancel(true));
                        return failed;
                    }
                }
            }
        }

        private StopReason wallTime(Instant started) {
            if (!clock.instant().isBefore(started.plus(limits.wallTime()))) {
                return StopReason.WALL_TIME;
            }
            return null;
        }

        /** Starts a node that was running at a crash, or the policy's next one within the node budget. */
        private boolean startNext(CompletionService<Node> finished) {
            Node node;
            Expansion expansion;
            if (!restarts.isEmpty()) {
                Node old = restarts.pop();
                node = old.restarted(clock.instant());
                expansion = new Expansion(
                        old.operator(),
                        old.parent() == null
                                ? null
                                : tree.get(old.parent())
                                        .orElseThrow(() -> new IllegalStateException("no node " + old.parent())));
                tree.replace(node);
            } else {
                if (tree.size() >= settings.maxNodes()) {
                    return false;
                }
                Steering.Request asked = Steering.read(team.feedbackSince(0));
                closed.addAll(asked.closed());
                directions.addAll(asked.directions());
                asked.closed().forEach(listener::onClosed);
                expansion = policy.next(tree.nodes(), closed);
                node = Node.start(
                        tree.nextId(),
                        expansion.parent(),
                        expansion.operator(),
                        clock.instant(),
                        String.join("\n", directions));
                directions.clear();
                tree.add(node);
            }
            save();
            listener.onStarted(node);
            NodeRunner.Context context = new NodeRunner.Context(
                    task,
                    runDir,
                    starter,
                    prompts,
                    baseline,
                    tree.nodes().stream()
                            .filter(n ->
                                    n.operator() == Operator.DRAFT && !n.plan().isBlank())
                            .map(Node::plan)
                            .toList(),
                    listener::onWaiting,
                    this::mayRun);
            Node begun = node;
            Expansion chosen = expansion;
            inFlight.put(finished.submit(() -> runner.make(begun, chosen, context)), node);
            return true;
        }

        /** Records a finished node; a budget refusal is the search's stop. */
        private StopReason collect(Future<Node> future) {
            Node node = inFlight.remove(future);
            try {
                finish(future.get());
                return null;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof BudgetExceededException) {
                    return StopReason.BUDGET;
                }
                finish(node.failed(
                        "error: "
                                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()),
                        clock.instant()));
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return StopReason.STOPPED;
            }
        }

        private void finish(Node node) {
            Optional<Node> before = tree.best(task.direction());
            tree.replace(node);
            save();
            appendTrace(node);
            listener.onNode(node);
            if (node.isDone()
                    && before.map(b -> SolutionTree.better(task.direction()).compare(node, b) < 0)
                            .orElse(true)) {
                listener.onBest(node, before.orElse(null));
            }
        }

        private void save() {
            checkpoint.save(
                    new TreeCheckpoint.State(baseline, testBaseline, tree.nodes(), List.copyOf(closed), approved));
        }

        /**
         * Whether the team lets {@code node}'s code run: asked (one question at a time) before the first node runs, or
         * before every node, as the gate says; a first approval is kept with the tree.
         */
        private boolean mayRun(Node node) {
            if (gate == ApprovalGate.NONE || gate == ApprovalGate.BEFORE_FIRST_EXECUTION && approved) {
                return true;
            }
            synchronized (asking) {
                if (gate == ApprovalGate.BEFORE_FIRST_EXECUTION && approved) {
                    return true;
                }
                String what = "Run solution " + node.id() + " ("
                        + node.operator().label()
                        + (node.parent() == null ? "" : " of " + node.parent()) + ") in the sandbox"
                        + (gate == ApprovalGate.BEFORE_FIRST_EXECUTION ? " (the first execution of this run)" : "")
                        + ": " + TreePrompts.clip(node.plan(), 300) + "\n" + TreePrompts.clip(node.diff(), 1500);
                boolean yes = team.approve(what);
                if (yes && gate == ApprovalGate.BEFORE_FIRST_EXECUTION) {
                    approved = true;
                    save();
                } else if (!yes) {
                    closed.add(node.id()); // declined, not broken: it is not fixed either
                }
                return yes;
            }
        }

        private void appendTrace(Node node) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("node", node.id());
            line.put("parent", node.parent());
            line.put("operator", node.operator().label());
            line.put("status", node.status().label());
            line.put("score", node.score());
            line.put("inputTokens", node.inputTokens());
            line.put("outputTokens", node.outputTokens());
            line.put("costUsd", node.costUsd());
            line.put("plan", node.plan());
            line.put("direction", node.direction());
            line.put("endedAt", String.valueOf(node.endedAt()));
            try {
                Files.writeString(
                        runDir.resolve(TRACE_FILE),
                        JsonCodec.write(line) + "\n",
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the trace in " + runDir, e);
            }
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "tree-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
