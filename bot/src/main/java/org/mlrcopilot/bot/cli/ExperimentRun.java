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
import java.util.Map;
import org.mlrcopilot.agents.experiment.ExperimentAgent;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.usage.UsageStore;
import org.mlrcopilot.agents.usage.UsageTotals;
import org.mlrcopilot.bot.llm.LlmModels;
import org.mlrcopilot.bot.store.Store;
import org.mlrcopilot.bot.store.Stores;
import org.mlrcopilot.bot.wiring.ExperimentGates;
import org.mlrcopilot.bot.wiring.HubModelRetriever;
import org.mlrcopilot.bot.wiring.Wiring;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.sandbox.Sandbox;

/** One ExperimentAgent run from the terminal: live steps, then the result (and its JSON). */
final class ExperimentRun implements SetupRun.Then {

    private final MlrConfig config;
    private final boolean copilot;
    private final int maxSteps;
    private final boolean json;

    ExperimentRun(MlrConfig config, boolean copilot, int maxSteps, boolean json) {
        this.config = config;
        this.copilot = copilot;
        this.maxSteps = maxSteps;
        this.json = json;
    }

    int run(TaskSpec task, Path planFile, Path resumeDir) throws JsonProcessingException {
        String runId = task.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = resumeDir != null
                ? resumeDir
                : config.store().dataDir().resolve("runs").resolve(runId);
        return run(task, plan(task, planFile), runDir, resumeDir != null);
    }

    /** A run in {@code runDir} (a new one, or the continuation of an interrupted one). */
    @Override
    public int run(TaskSpec task, String planText, Path runDir, boolean resume) throws JsonProcessingException {
        LlmModels models = new Wiring(config, Clock.systemUTC()).models().orElse(null);
        if (models == null) {
            System.err.println("mlr: " + StatusReport.llm(config));
            return 5;
        }
        try (Store store = Stores.forCommand(config.store(), System.err)) {
            return run(
                    task,
                    planText,
                    resume ? runDir : null,
                    models,
                    runDir.getFileName().toString(),
                    runDir,
                    store);
        }
    }

    private int run(
            TaskSpec task, String planText, Path resumeDir, LlmModels models, String runId, Path runDir, Store store)
            throws JsonProcessingException {
        UsageStore usage = store.usage();
        Wiring wiring = new Wiring(config, Clock.systemUTC());
        Wiring.Metered metered = wiring.metered(models, usage, runId, "cli");
        try (Sandbox sandbox = wiring.sandbox().sandbox();
                GuardedHttpClient http = wiring.http()) {
            HubModelRetriever hub = wiring.hub(http);
            if (!task.root().startsWith(runDir.toAbsolutePath().normalize())) {
                System.err.println(Approvals.prototypes(hub, task, planText));
            }
            ExperimentAgent agent = wiring.experimentAgent(metered, sandbox, maxSteps, copilot)
                    .gate(ExperimentGates.commandLine(config.experiment(), copilot))
                    .team(new ConsoleTeam(System.in, System.err, copilot))
                    .checkpoints(store.checkpoints())
                    .retriever(hub)
                    .build();
            System.err.println("... " + task.name() + ": measuring the baseline, then up to " + maxSteps
                    + " steps in the " + sandbox.backend() + " sandbox");
            System.err.println("... run directory " + runDir + " (continue it with --resume if interrupted)");
            ExperimentResult result = resumeDir != null
                    ? agent.resume(task, runDir, ExperimentRun::printStep)
                    : agent.run(task, planText, runDir, ExperimentRun::printStep);
            print(result, usage.forResearch(runId));
            return result.stopReason().failed() ? 4 : 0;
        }
    }

    private static String plan(TaskSpec task, Path planFile) {
        try {
            return planFile == null ? task.researchProblem() : Files.readString(planFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plan " + planFile, e);
        }
    }

    private static void printStep(StepRecord step) {
        String observation = step.observation().strip().replaceAll("\\s+", " ");
        System.err.printf(
                "step %d: %s -> %s%n",
                step.step(),
                step.action(),
                observation.length() > 160 ? observation.substring(0, 157) + "..." : observation);
    }

    private void print(ExperimentResult r, UsageTotals usage) throws JsonProcessingException {
        System.out.printf(
                "%s: baseline %.4f, final %s, improvement %s, success %s, %d steps, stopped: %s%n",
                r.metric(),
                r.baseline(),
                r.finalScore(),
                r.improvementPct() == null ? "-" : String.format("%.1f%%", r.improvementPct()),
                r.success(),
                r.steps(),
                r.stopReason().text());
        System.out.println("final answer: " + r.finalAnswer());
        r.flaggedClaims().forEach(c -> System.out.println("FLAGGED (no execution printed it): " + c));
        System.out.println("trace: " + r.trace());
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(json(r, usage)));
        }
    }

    /** The result's fields in the command's JSON line, in their order (the tree search adds its own after). */
    static Map<String, Object> json(ExperimentResult r, UsageTotals usage) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("baseline", r.baseline());
        out.put("final", r.finalScore());
        out.put("improvementPct", r.improvementPct());
        out.put("success", r.success());
        out.put("steps", r.steps());
        out.put("usage", usage);
        out.put("stopReason", r.stopReason().text());
        out.put("metric", r.metric());
        out.put("finalAnswer", r.finalAnswer());
        out.put("flaggedClaims", r.flaggedClaims());
        out.put("artifacts", r.artifacts());
        out.put("diff", r.diff());
        out.put("trace", String.valueOf(r.trace()));
        return out;
    }
}
