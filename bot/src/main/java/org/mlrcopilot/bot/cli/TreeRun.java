package org.mlrcopilot.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.tree.Node;
import org.mlrcopilot.agents.experiment.tree.TreeListener;
import org.mlrcopilot.agents.experiment.tree.TreeResult;
import org.mlrcopilot.agents.experiment.tree.TreeSearch;
import org.mlrcopilot.agents.experiment.tree.TreeSettings;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.usage.UsageTotals;
import org.mlrcopilot.bot.llm.LlmModels;
import org.mlrcopilot.bot.store.Store;
import org.mlrcopilot.bot.store.Stores;
import org.mlrcopilot.bot.wiring.ExperimentGates;
import org.mlrcopilot.bot.wiring.Wiring;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.sandbox.Sandbox;

/** One tree search from the terminal: each node as it ends, then the result and the tree (and their JSON). */
final class TreeRun implements SetupRun.Then {

    private final MlrConfig config;
    private final TreeSettings settings;
    private final boolean json;

    TreeRun(MlrConfig config, TreeSettings settings, boolean json) {
        this.config = config;
        this.settings = settings;
        this.json = json;
    }

    int run(TaskSpec task, Path planFile, Path resumeDir) throws JsonProcessingException {
        String runId = task.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = resumeDir != null
                ? resumeDir
                : config.store().dataDir().resolve("runs").resolve(runId);
        return run(task, resumeDir != null ? null : plan(task, planFile), runDir, resumeDir != null);
    }

    @Override
    public int run(TaskSpec task, String planText, Path runDir, boolean resume) throws JsonProcessingException {
        Path resumeDir = resume ? runDir : null;
        Wiring wiring = new Wiring(config, Clock.systemUTC());
        LlmModels models = wiring.models().orElse(null);
        if (models == null) {
            System.err.println("mlr: " + StatusReport.llm(config));
            return 5;
        }
        try (Store store = Stores.forCommand(config.store(), System.err)) {
            String researchId = runDir.getFileName().toString();
            Wiring.Metered metered = wiring.metered(models, store.usage(), researchId, "cli");
            try (Sandbox sandbox = wiring.sandbox().sandbox()) {
                TreeSearch search = wiring.treeSearch(metered, sandbox, settings)
                        .gate(ExperimentGates.commandLine(config.experiment(), false))
                        .team(new ConsoleTeam(System.in, System.err, false))
                        .build();
                System.err.println("... " + task.name() + ": measuring the baseline, then a tree of up to "
                        + settings.maxNodes() + " solutions (" + settings.drafts() + " drafts, " + settings.workers()
                        + " at a time) in the " + sandbox.backend() + " sandbox");
                System.err.println("... run directory " + runDir + " (continue it with --resume if interrupted)");
                TreeResult result = resumeDir != null
                        ? search.resume(task, runDir, LISTENER)
                        : search.run(task, planText, runDir, LISTENER);
                print(result, store.usage().forResearch(researchId));
                return result.result().stopReason().failed() ? 4 : 0;
            }
        }
    }

    private static final TreeListener LISTENER = new TreeListener() {
        @Override
        public void onBaseline(double value, String metric) {
            System.err.printf("baseline %s = %.4f%n", metric, value);
        }

        @Override
        public void onNode(Node n) {
            String plan = n.plan().strip().replaceAll("\\s+", " ");
            System.err.printf(
                    "node %s: %s%s -> %s%s%s%n",
                    n.id(),
                    n.operator().label(),
                    n.parent() == null ? "" : " of " + n.parent(),
                    n.status().label(),
                    n.score() == null ? "" : " " + n.score(),
                    plan.isEmpty() ? "" : " (" + (plan.length() > 120 ? plan.substring(0, 117) + "..." : plan) + ")");
        }

        @Override
        public void onWaiting(String status) {
            System.err.println("... " + status);
        }
    };

    private static String plan(TaskSpec task, Path planFile) {
        try {
            return planFile == null ? task.researchProblem() : Files.readString(planFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plan " + planFile, e);
        }
    }

    private void print(TreeResult tree, UsageTotals usage) throws JsonProcessingException {
        ExperimentResult r = tree.result();
        System.out.printf(
                "%s: baseline %.4f, final %s (best node %s), improvement %s, success %s, %d nodes, " + "stopped: %s%n",
                r.metric(),
                r.baseline(),
                r.finalScore(),
                tree.best(),
                r.improvementPct() == null ? "-" : String.format("%.1f%%", r.improvementPct()),
                r.success(),
                tree.nodes().size(),
                r.stopReason().text());
        if (!r.finalAnswer().isBlank()) {
            System.out.println(r.finalAnswer());
        }
        System.out.println("trace: " + r.trace());
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("search", "tree");
            out.putAll(ExperimentRun.json(r, usage));
            out.put("nodes", nodes(tree.nodes()));
            out.put("best", tree.best());
            out.put("bestValidation", tree.validation());
            out.put("validationSplit", tree.separated());
            out.put("seedScores", tree.seedScores());
            System.out.println(new ObjectMapper().writeValueAsString(out));
        }
    }

    private static List<Map<String, Object>> nodes(List<Node> nodes) {
        return nodes.stream()
                .map(n -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", n.id());
                    m.put("parent", n.parent());
                    m.put("operator", n.operator().label());
                    m.put("status", n.status().label());
                    m.put("score", n.score());
                    m.put("costUsd", n.costUsd());
                    m.put("plan", n.plan());
                    return m;
                })
                .toList();
    }
}
