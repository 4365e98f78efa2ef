package org.mlrcopilot.agents.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.experiment.ExperimentAgent;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.StepListener;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.experiment.StopReason;
import org.mlrcopilot.agents.experiment.tree.Node;
import org.mlrcopilot.agents.experiment.tree.TreeListener;
import org.mlrcopilot.agents.experiment.tree.TreePicture;
import org.mlrcopilot.agents.experiment.tree.TreeResult;
import org.mlrcopilot.agents.experiment.tree.TreeSearch;
import org.mlrcopilot.agents.experiment.tree.TreeSteps;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.setup.DatasetRecord;
import org.mlrcopilot.agents.setup.ExperimentSetup;
import org.mlrcopilot.agents.setup.SetupException;
import org.mlrcopilot.agents.setup.SetupListener;
import org.mlrcopilot.agents.setup.SetupReport;
import org.mlrcopilot.agents.setup.SetupRequest;
import org.mlrcopilot.agents.setup.SetupText;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.agents.usage.UsageTotals;

/** Runs (and resumes) experiment runs and reports them as they go. */
final class RunExecution {

    private static final List<String> IMAGES = List.of(".png", ".jpg", ".jpeg", ".svg");
    private static final int MAX_SETUP_REVISIONS = 3;
    private static final Pattern GO =
            Pattern.compile("(?i)^(go|yes|ok|okay|approve|approved|start|run|lgtm|👍|🚀)(?=\\W|$)");

    private final ResearchState state;
    private final ResearchStore store;
    private final RunStore runs;
    private final ResearchEvents events;
    private final ResearchTools tools;
    private final Clock clock;
    private final Map<String, RunTeam> teams = new ConcurrentHashMap<>();

    private final Shutdown shutdown;
    private final StoreOutage outage;

    private final ResearchFiles files;

    RunExecution(
            ResearchState state,
            ResearchEvents events,
            ResearchTools tools,
            Clock clock,
            Shutdown shutdown,
            ResearchFiles files,
            StoreOutage outage) {
        this.files = files;
        this.outage = outage;
        this.shutdown = shutdown;
        this.state = state;
        this.store = state.researches();
        this.runs = state.runs();
        this.events = events;
        this.tools = tools;
        this.clock = clock;
    }

    RunTeam team(String runId) {
        return teams.computeIfAbsent(
                runId,
                id -> new RunTeam(
                        id, store, runs, (question, approval) -> asked(id, question, approval), shutdown::underway));
    }

    void execute(String runId, Hypothesis hypothesis) {
        ResearchRun run = runs.run(runId).orElseThrow();
        Research research = store.research(run.researchId()).orElseThrow();
        RunTeam team = team(runId);
        String planText = PlanText.of(hypothesis);
        try {
            Optional<TreeSearch> tree = tools.treeSearch(research, team);
            boolean resume = tree.isPresent()
                    ? TreeSearch.hasTree(Path.of(run.runDir()))
                    : state.checkpoints().load(runId).isPresent();
            if (!resume) {
                clearUnfinishedWorkspace(Path.of(run.runDir()));
            }
            ExperimentAgent agent = tree.isPresent()
                    ? null
                    : tools.experiments(research, team)
                            .orElseThrow(() -> new ResearchRefusedException("no language model is configured"));
            SetupReport report = resume ? null : setUp(research, run, hypothesis, planText, team);
            if (shutdown.underway()) {
                return;
            }
            TaskSpec task = resume ? resumedTask(run) : report.task();
            String label = resume
                    ? run.task()
                    : report.registered()
                            ? task.name()
                            : "built from the plan ("
                                    + String.join(
                                            ", ",
                                            report.datasets().stream()
                                                    .map(DatasetRecord::id)
                                                    .toList()) + ")";
            run = save(runs.run(runId).orElseThrow().onTask(label).with(going(runId), run.step(), clock.instant()));
            research = researchStatus(research, ResearchStatus.RUNNING, "running " + runId + " on task " + label);
            events.runStarted(research, run, resume);
            if (resume && tree.isEmpty()) {
                recordMissedSteps(runId);
            }
            if (tree.isPresent()) {
                TreeProgress progress = new TreeProgress(runId, task.metric());
                TreeResult searched = resume
                        ? tree.get().resume(task, Path.of(run.runDir()), progress)
                        : tree.get().run(task, planText, Path.of(run.runDir()), progress);
                if (!shutdown.underway()) {
                    finish(runId, searched.result(), searched);
                }
                return;
            }
            ExperimentResult result = resume
                    ? agent.resume(task, Path.of(run.runDir()), listener(runId))
                    : agent.run(task, planText, Path.of(run.runDir()), listener(runId));
            if (!shutdown.underway()) {
                finish(runId, result, null);
            }
        } catch (RuntimeException | Error e) {
            // an Error too (a StackOverflowError from hostile code or data): the run fails and says so, and the
            // worker goes on; running out of memory ends the service instead (the launcher's ExitOnOutOfMemoryError)
            if (shutdown.underway() || outage.held(e, research.id(), runId)) {
                return; // resumed from its last saved step after the restart, or once writes succeed again
            }
            ResearchRun failed =
                    save(runs.run(runId).orElseThrow().with(RunStatus.FAILED, run.step(), clock.instant()));
            researchStatus(research, ResearchStatus.FAILED, "run " + runId + " failed");
            events.problem(
                    research,
                    "run " + runId + " failed: " + Failures.message(e),
                    e instanceof SetupException
                            ? "name another dataset in a reply (\"use dataset owner/name\") or raise the limit it names, "
                                    + "then press Run experiment again"
                            : "fix the cause, then press Run experiment again");
            teams.remove(failed.id());
        }
    }

    /**
     * The set-up stage: a registered task when one fits, else a task built from the plan; shown to the team and,
     * when the team confirms set-ups, revised by its replies until someone says go.
     */
    private SetupReport setUp(
            Research research, ResearchRun run, Hypothesis hypothesis, String planText, RunTeam team) {
        try (ExperimentSetup setup = tools.setup(research)
                .orElseThrow(() -> new ResearchRefusedException("no language model is configured"))) {
            researchStatus(research, ResearchStatus.RUNNING, "setting up " + run.id() + ": finding the plan's data");
            SetupRequest request = new SetupRequest(
                    hypothesis,
                    planText,
                    codeLinks(research),
                    files.of(research.id()),
                    tools.registeredTasks(),
                    Path.of(run.runDir()),
                    "");
            for (int revision = 0; ; revision++) {
                request = request.withAttachments(files.of(research.id()));
                SetupReport report = setup.prepare(request, setupListener(research, run));
                SetupText.save(Path.of(run.runDir()), report);
                boolean ask = tools.confirmSetup() && revision < MAX_SETUP_REVISIONS;
                events.setup(store.research(research.id()).orElse(research), run, report, ask);
                if (!ask) {
                    return report;
                }
                RunTeam.Reply reply = team.question("The experiment set-up is ready. " + SetupText.GO_HINT);
                if (GO.matcher(reply.text().strip()).find()
                        || shutdown.underway()
                        || team.control() == RunControl.STOPPED) {
                    return report;
                }
                request = request.withFeedback(
                        reply.author().isEmpty() ? reply.text() : reply.author() + ": " + reply.text());
            }
        }
    }

    private List<String> codeLinks(Research research) {
        try {
            return tools.read(research.link()).codeLinks();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private SetupListener setupListener(Research research, ResearchRun run) {
        return new SetupListener() {
            @Override
            public void phase(String text) {
                researchStatus(research, ResearchStatus.RUNNING, "setting up " + run.id() + ": " + text);
            }

            @Override
            public void step(int step, String tool, String target) {
                researchStatus(
                        research,
                        ResearchStatus.RUNNING,
                        "setting up " + run.id() + ": step " + step + " " + tool
                                + (target.isEmpty() ? "" : " " + target));
            }
        };
    }

    /** The task of an interrupted run: the one built under its directory, else the registered one it ran on. */
    private TaskSpec resumedTask(ResearchRun run) {
        Path built = Path.of(run.runDir()).resolve("task");
        if (java.nio.file.Files.isDirectory(built)) {
            return Tasks.load(built);
        }
        return tools.registeredTasks().stream()
                .filter(t -> t.name().equals(run.task()))
                .findFirst()
                .orElseThrow(() -> new ResearchRefusedException(
                        "the task " + run.task() + " of " + run.id() + " is no longer registered"));
    }

    /**
     * The steps the run's checkpoint holds that the store does not: made, checkpointed, then not recorded (a kill or
     * a failed write in between). They are recorded and told now, before the run goes on after them.
     */
    private void recordMissedSteps(String runId) {
        java.util.Set<Integer> recorded =
                runs.steps(runId).stream().map(StepRecord::step).collect(java.util.stream.Collectors.toSet());
        StepListener listener = listener(runId);
        state.checkpoints()
                .load(runId)
                .ifPresent(checkpoint -> checkpoint.steps().stream()
                        .filter(step -> !recorded.contains(step.step()))
                        .forEach(listener::onStep));
    }

    private StepListener listener(String runId) {
        return new StepListener() {
            @Override
            public void onStep(StepRecord step) {
                runs.add(runId, step);
                ResearchRun run = save(runs.run(runId).orElseThrow().with(going(runId), step.step(), clock.instant()));
                events.step(store.research(run.researchId()).orElseThrow(), run, step);
            }

            @Override
            public void onWaiting(String status) {
                ResearchRun run = runs.run(runId).orElseThrow();
                events.waiting(store.research(run.researchId()).orElseThrow(), run, status);
            }

            @Override
            public void onBaseline(double value, String metric) {
                ResearchRun run = runs.run(runId).orElseThrow();
                events.baselineMeasured(store.research(run.researchId()).orElseThrow(), run, metric, value);
            }
        };
    }

    /**
     * A tree search told to the team: every finished node is stored as one step of the run (its summary as the input,
     * its plan, output and diff as the observation, the team's direction it followed as the feedback), the status
     * line shows the tree's progress, and a node that beats every earlier one is a milestone.
     */
    private final class TreeProgress implements TreeListener {

        private final String runId;
        private final String metric;
        private final Map<String, Node> nodes = new ConcurrentHashMap<>();
        private volatile double baseline = Double.NaN;
        private volatile Node best;

        TreeProgress(String runId, String metric) {
            this.runId = runId;
            this.metric = metric;
            runs.steps(runId).forEach(step -> {
                Node known = TreeSteps.node(step);
                if (known != null) {
                    nodes.put(known.id(), known);
                }
            });
        }

        @Override
        public void onBaseline(double value, String metricName) {
            baseline = value;
            ResearchRun run = runs.run(runId).orElseThrow();
            events.baselineMeasured(store.research(run.researchId()).orElseThrow(), run, metricName, value);
        }

        @Override
        public void onStarted(Node node) {
            nodes.put(node.id(), node);
            progress(node.id() + " (" + node.operator().label() + (node.parent() == null ? "" : " of " + node.parent())
                    + ") started");
        }

        @Override
        public synchronized void onNode(Node node) {
            nodes.put(node.id(), node);
            int finished =
                    (int) nodes.values().stream().filter(n -> !n.isRunning()).count();
            StepRecord step = TreeSteps.step(Math.max(1, finished), node);
            runs.add(runId, step);
            ResearchRun run = save(runs.run(runId).orElseThrow().with(going(runId), step.step(), clock.instant()));
            events.step(store.research(run.researchId()).orElseThrow(), run, step);
            progress(node.id() + " " + node.status().label());
        }

        @Override
        public void onBest(Node node, Node previous) {
            best = node;
            ResearchRun run = runs.run(runId).orElseThrow();
            events.bestImproved(store.research(run.researchId()).orElseThrow(), run, node, metric, baseline);
        }

        @Override
        public void onClosed(String id) {
            progress(id + " closed by the team");
        }

        @Override
        public void onWaiting(String status) {
            ResearchRun run = runs.run(runId).orElseThrow();
            events.waiting(store.research(run.researchId()).orElseThrow(), run, status);
        }

        /** The research's status line: the tree's counts, the best score so far and the spend. */
        private void progress(String latest) {
            ResearchRun run = runs.run(runId).orElseThrow();
            long done = nodes.values().stream().filter(Node::isDone).count();
            long failed = nodes.values().stream().filter(Node::isFailed).count();
            long running = nodes.values().stream().filter(Node::isRunning).count();
            double spent = nodes.values().stream().mapToDouble(Node::costUsd).sum();
            Node top = best;
            String line = String.format(
                    Locale.ROOT,
                    "%s: solution tree, %d done, %d running, %d failed; best %s; $%.4f; %s",
                    runId,
                    done,
                    running,
                    failed,
                    top == null
                            ? "none yet"
                            : String.format(Locale.ROOT, "%s %.4f (%s)", metric, top.score(), top.id()),
                    spent,
                    latest);
            researchStatus(store.research(run.researchId()).orElseThrow(), ResearchStatus.RUNNING, line);
        }
    }

    private void finish(String runId, ExperimentResult result, TreeResult tree) {
        RunStatus status = switch (result.stopReason().kind()) {
            case STOPPED -> RunStatus.STOPPED;
            case ERROR -> RunStatus.FAILED;
            default -> RunStatus.DONE;
        };
        ResearchRun run = save(runs.run(runId).orElseThrow().finished(status, result, clock.instant()));
        Research research = store.research(run.researchId()).orElseThrow();
        research = researchStatus(
                research,
                status == RunStatus.DONE
                        ? ResearchStatus.DONE
                        : status == RunStatus.STOPPED ? ResearchStatus.STOPPED : ResearchStatus.FAILED,
                runId + " " + status.name().toLowerCase(Locale.ROOT)
                        + (result.stopReason().kind() == StopReason.Kind.STOPPED
                                ? ""
                                : " (" + result.stopReason().text() + ")"));
        teams.remove(runId);
        java.time.Instant since = run.createdAt();
        UsageTotals own = state.usage().ofResearch(research.id()).stream()
                .filter(u -> !u.at().isBefore(since))
                .reduce(UsageTotals.ZERO, UsageTotals::plus, (a, b) -> a);
        events.finished(
                research,
                run,
                tree == null
                        ? new RunReport(
                                run, plots(run, result), own, state.usage().forResearch(research.id()))
                        : new RunReport(
                                run,
                                treePlots(run, result, tree),
                                own,
                                state.usage().forResearch(research.id()),
                                TreePicture.text(tree.nodes(), tree.best())));
    }

    /** The experiment's own plots, then a picture of the tree (none when it cannot be drawn). */
    private static List<Path> treePlots(ResearchRun run, ExperimentResult result, TreeResult tree) {
        List<Path> out = new java.util.ArrayList<>(plots(run, result));
        try {
            out.add(TreePicture.png(
                    tree.nodes(),
                    tree.best(),
                    result.metric(),
                    Path.of(run.runDir()).resolve("tree.png")));
        } catch (RuntimeException | LinkageError e) {
            // a headless machine without fonts cannot draw it; the text picture is in the message
        }
        return out;
    }

    private static List<Path> plots(ResearchRun run, ExperimentResult result) {
        Path workspace = Path.of(run.runDir()).resolve("workspace");
        return result.artifacts().stream()
                .filter(a -> IMAGES.stream().anyMatch(a.toLowerCase(Locale.ROOT)::endsWith))
                .map(workspace::resolve)
                .filter(Files::isRegularFile)
                .toList();
    }

    private void asked(String runId, String question, boolean approval) {
        ResearchRun run = save(runs.run(runId)
                .orElseThrow()
                .with(RunStatus.WAITING, runs.run(runId).orElseThrow().step(), clock.instant()));
        Research research = store.research(run.researchId()).orElseThrow();
        if (approval) {
            events.approvalQuestion(research, run, question);
        } else {
            events.question(research, run, question);
        }
    }

    /** The state of a run that goes on: paused when the team paused it (the step in flight still ends), else running. */
    private RunStatus going(String runId) {
        return team(runId).control() == RunControl.PAUSED ? RunStatus.PAUSED : RunStatus.RUNNING;
    }

    ResearchRun save(ResearchRun run) {
        runs.save(run);
        return run;
    }

    private Research researchStatus(Research r, ResearchStatus status, String detail) {
        Research next = store.research(r.id()).orElse(r).with(status, detail, clock.instant());
        store.save(next);
        events.status(next);
        return next;
    }

    /** A run interrupted before its first checkpoint starts again from a fresh workspace. */
    private static void clearUnfinishedWorkspace(Path runDir) {
        if (!Files.exists(runDir)) {
            return;
        }
        try (var files = Files.walk(runDir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the interrupted run directory " + runDir, e);
        }
    }
}
