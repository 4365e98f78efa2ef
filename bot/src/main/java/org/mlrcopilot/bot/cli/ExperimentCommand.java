package org.mlrcopilot.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlrcopilot.agents.experiment.tree.TreeSettings;
import org.mlrcopilot.agents.setup.PlanFile;
import org.mlrcopilot.agents.task.Direction;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.Score;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.agents.task.Workspace;
import org.mlrcopilot.bot.sandbox.Sandboxes;
import org.mlrcopilot.bot.wiring.Wiring;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.sandbox.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `mlr experiment --task <dir> ...`: a registered task's baseline, or the ExperimentAgent's run on it;
 * `mlr experiment --plan plan.json [--setup-only]`: an experiment set up from a hypothesis's own data, then run.
 */
@Command(
        name = "experiment",
        description = "Measure a task's baseline, then let the ExperimentAgent edit, run and "
                + "debug the code in the sandbox to improve on it (needs an LLM), with live step output.")
final class ExperimentCommand implements Callable<Integer> {

    @picocli.CommandLine.ParentCommand
    MlrCommand mlr;

    @Option(names = "--task", description = "Task directory (env/, scripts/), e.g. tasks/digits-classifier.")
    Path task;

    @Option(names = "--baseline-only", description = "Prepare the task, run the starter code and print its score.")
    boolean baselineOnly;

    @Option(names = "--direction", description = "higher or lower is better (overrides scripts/task.yaml).")
    String direction;

    @Option(
            names = "--plan",
            description = "Without --task: a hypothesis as `mlr ideas --json` prints it (or its plan "
                    + "object, or the whole output), set up as an experiment on its own data. With --task: the plan the agent "
                    + "follows (text or JSON; default: the task's research problem).")
    Path plan;

    @Option(
            names = "--hypothesis",
            description = "Which hypothesis of a plan file holding several, e.g. H2 (default: " + "the first).")
    String hypothesis;

    @Option(
            names = "--data",
            paramLabel = "<name>=<file>",
            description = "With --plan: a data file of the team's, "
                    + "used for the plan's dataset of that name (or whose source is attachment:<name>). Repeatable.")
    Map<String, Path> data = new LinkedHashMap<>();

    @Option(names = "--setup-only", description = "With --plan: build the task and measure its baseline, then stop.")
    boolean setupOnly;

    @Option(names = "--copilot", description = "Ask for feedback and approval after every step.")
    boolean copilot;

    @Option(names = "--max-steps", description = "Most agent steps (default: experiment.maxSteps).")
    Integer maxSteps;

    @Option(
            names = "--resume",
            paramLabel = "<run-dir>",
            description = "Continue an interrupted run from its last "
                    + "completed step (the run directory printed when it started).")
    Path resume;

    @Option(
            names = "--search",
            description = "loop: one agent making one tool call per step; tree: a tree of whole "
                    + "solutions drafted, improved and debugged, each scored by the task's evaluation (default: "
                    + "experiment.search).")
    String search;

    @Option(
            names = "--drafts",
            description = "With --search tree: solutions drafted first (default: experiment.drafts).")
    Integer drafts;

    @Option(
            names = "--workers",
            description = "With --search tree: solutions made at the same time (default: " + "experiment.workers).")
    Integer workers;

    @Option(names = "--max-nodes", description = "With --search tree: most solutions (default: experiment.maxNodes).")
    Integer maxNodes;

    @Option(
            names = "--seeds",
            description = "With --search tree: runs of the best solution, one per MLR_SEED, whose test scores are "
                    + "averaged (default: experiment.seeds).")
    Integer seeds;

    @Option(
            names = "--json",
            description = "End with one line of JSON: baseline, final, improvementPct, success, steps, "
                    + "usage, stopReason.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        MlrConfig config = mlr.config().config();
        if (task == null) {
            if (plan == null) {
                System.err.println("mlr: give --task <dir> (a registered task) or --plan <plan.json> (a hypothesis to "
                        + "set up on its own data)");
                return 2;
            }
            int steps = maxSteps == null ? config.experiment().maxSteps() : maxSteps;
            SetupRun.Then then;
            try {
                then = tree(config)
                        ? new TreeRun(config, treeSettings(config), json)
                        : new ExperimentRun(config, copilot, steps, json);
            } catch (IllegalArgumentException e) {
                System.err.println("mlr: " + e.getMessage());
                return 2;
            }
            return new SetupRun(config, json, data).run(PlanFile.read(plan, hypothesis), setupOnly, then);
        }
        if (setupOnly) {
            System.err.println("mlr: --setup-only needs --plan without --task");
            return 2;
        }
        if (!baselineOnly) {
            boolean tree;
            try {
                tree = tree(config);
            } catch (IllegalArgumentException e) {
                System.err.println("mlr: " + e.getMessage());
                return 2;
            }
            if (tree) {
                TreeSettings settings;
                try {
                    settings = treeSettings(config);
                } catch (IllegalArgumentException e) {
                    System.err.println("mlr: " + e.getMessage());
                    return 2;
                }
                return new TreeRun(config, settings, json).run(withDirection(Tasks.load(task)), plan, resume);
            }
            int steps = maxSteps == null ? config.experiment().maxSteps() : maxSteps;
            return new ExperimentRun(config, copilot, steps, json).run(withDirection(Tasks.load(task)), plan, resume);
        }
        TaskSpec spec = withDirection(Tasks.load(task));
        Path runDir = config.store()
                .dataDir()
                .resolve("runs")
                .resolve(
                        spec.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (Sandbox sandbox = Sandboxes.select(config).sandbox()) {
            System.err.println("... " + spec.name() + ": preparing and running the starter code in the "
                    + sandbox.backend() + " sandbox");
            Score baseline = new Evaluator(sandbox, Sandboxes.limits(config.sandbox()))
                    .baseline(spec, Workspace.create(spec, runDir));
            System.out.printf(
                    "baseline %s = %.4f (%s is better); workspace %s%n",
                    baseline.metric(),
                    baseline.value(),
                    baseline.direction() == Direction.HIGHER ? "higher" : "lower",
                    runDir.resolve("workspace"));
            if (json) {
                System.out.println(new ObjectMapper().writeValueAsString(summary(spec, baseline, runDir)));
            }
            return 0;
        }
    }

    /** Whether the run searches a tree (--search, else experiment.search); a mode that is neither is refused. */
    private boolean tree(MlrConfig config) {
        // --copilot is the loop's: without --search it chooses the loop
        String mode = search != null
                ? search.strip().toLowerCase(java.util.Locale.ROOT)
                : copilot ? "loop" : config.experiment().search();
        if (!mode.equals("loop") && !mode.equals("tree")) {
            throw new IllegalArgumentException("--search must be loop or tree, not " + search);
        }
        if (mode.equals("tree") && copilot) {
            throw new IllegalArgumentException(
                    "--copilot asks after every step of the agent loop: add --search loop (the tree search asks "
                            + "before running code as experiment.approval says)");
        }
        return mode.equals("tree");
    }

    private TreeSettings treeSettings(MlrConfig config) {
        TreeSettings settings = new Wiring(config, Clock.systemUTC()).treeSettings();
        settings = drafts == null ? settings : settings.withDrafts(drafts);
        settings = workers == null ? settings : settings.withWorkers(workers);
        settings = seeds == null ? settings : settings.withSeeds(seeds);
        return maxNodes == null ? settings : settings.withMaxNodes(maxNodes);
    }

    private TaskSpec withDirection(TaskSpec spec) {
        if (direction == null) {
            return spec;
        }
        return new TaskSpec(
                spec.name(),
                spec.root(),
                spec.researchProblem(),
                spec.readOnlyGlobs(),
                spec.runCommand(),
                spec.metric(),
                Direction.parse(direction),
                spec.prepareScript(),
                spec.evalScript(),
                spec.timed());
    }

    private static Map<String, Object> summary(TaskSpec spec, Score baseline, Path runDir) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", spec.name());
        json.put("metric", baseline.metric());
        json.put("direction", baseline.direction().name().toLowerCase());
        json.put("baseline", baseline.value());
        json.put("final", null);
        json.put("improvementPct", null);
        json.put("success", null);
        json.put("steps", 0);
        json.put("usage", Map.of("calls", 0, "inputTokens", 0, "outputTokens", 0, "costUsd", 0.0));
        json.put("stopReason", "baseline-only");
        json.put("workspace", runDir.resolve("workspace").toString());
        return json;
    }
}
