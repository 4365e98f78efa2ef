package org.mlrcopilot.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.research.PlanText;
import org.mlrcopilot.agents.setup.DatasetRecord;
import org.mlrcopilot.agents.setup.ExperimentSetup;
import org.mlrcopilot.agents.setup.SetupException;
import org.mlrcopilot.agents.setup.SetupListener;
import org.mlrcopilot.agents.setup.SetupReport;
import org.mlrcopilot.agents.setup.SetupRequest;
import org.mlrcopilot.agents.setup.SetupText;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.bot.llm.LlmModels;
import org.mlrcopilot.bot.store.Store;
import org.mlrcopilot.bot.store.Stores;
import org.mlrcopilot.bot.wiring.HubModelRetriever;
import org.mlrcopilot.bot.wiring.Wiring;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.sandbox.Sandbox;

/** `mlr experiment --plan plan.json`: the set-up stage from the terminal, then (unless --setup-only) the run. */
final class SetupRun {

    static final int NOTHING_ASSEMBLED = 6;
    private final MlrConfig config;
    private final boolean json;
    private final Map<String, Path> data;

    SetupRun(MlrConfig config, boolean json, Map<String, Path> data) {
        this.config = config;
        this.json = json;
        this.data = Map.copyOf(data);
    }

    /** What runs the experiment once it is set up: the agent loop or the tree search. */
    interface Then {
        /** A run in {@code runDir} (a new one, or the continuation of an interrupted one). */
        int run(TaskSpec task, String planText, Path runDir, boolean resume) throws JsonProcessingException;
    }

    int run(Hypothesis hypothesis, boolean setupOnly, Then then) throws JsonProcessingException {
        LlmModels models = new Wiring(config, Clock.systemUTC()).models().orElse(null);
        if (models == null) {
            System.err.println("mlr: " + StatusReport.llm(config));
            return 5;
        }
        String planText = PlanText.of(hypothesis);
        Path runDir = config.store()
                .dataDir()
                .resolve("runs")
                .resolve("plan-" + hypothesis.id().toLowerCase() + "-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        SetupReport report;
        Wiring wiring = new Wiring(config, Clock.systemUTC());
        try (Store store = Stores.forCommand(config.store(), System.err);
                Sandbox sandbox = wiring.sandbox().sandbox();
                GuardedHttpClient http = wiring.http()) {
            Wiring.Metered metered =
                    wiring.metered(models, store.usage(), runDir.getFileName().toString(), "cli");
            HubModelRetriever hub = wiring.hub(http);
            System.err.println(
                    "... setting up " + hypothesis.id() + " in " + runDir + " (" + sandbox.backend() + " sandbox)");
            try (ExperimentSetup setup = wiring.setup(metered, sandbox, http.policy(), hub)) {
                report = setup.prepare(
                        new SetupRequest(hypothesis, planText, List.of(), data, registered(), runDir, ""), progress());
            }
        } catch (SetupException e) {
            System.err.println("mlr: the experiment could not be set up: " + e.getMessage());
            return NOTHING_ASSEMBLED;
        }
        SetupText.save(runDir, report);
        System.err.println(SetupText.of(report, false).replace("*", ""));
        if (setupOnly) {
            System.out.println(report.headline());
            if (json) {
                System.out.println(new ObjectMapper().writeValueAsString(json(report)));
            }
            return 0;
        }
        return then.run(report.task(), planText, runDir, false);
    }

    private List<TaskSpec> registered() {
        Path root = config.service().tasksDir();
        return Files.isDirectory(root) ? Tasks.discover(root) : List.of();
    }

    private static SetupListener progress() {
        return new SetupListener() {
            @Override
            public void phase(String text) {
                System.err.println("... " + text);
            }

            @Override
            public void step(int step, String tool, String target) {
                System.err.printf("set-up step %d: %s %s%n", step, tool, target);
            }
        };
    }

    static Map<String, Object> json(SetupReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("registered", r.registered());
        task.put("name", r.task().name());
        task.put("dir", r.task().root().toString());
        task.put("similarity", Double.isNaN(r.similarity()) ? null : r.similarity());
        task.put("why", r.why());
        out.put("task", task);
        out.put("datasets", r.datasets().stream().map(SetupRun::dataset).toList());
        out.put("issues", r.issues());
        out.put("prototype", r.code());
        out.put("models", r.models());
        out.put("metric", r.metric());
        out.put("direction", r.direction().name().toLowerCase());
        out.put("baseline", Double.isNaN(r.baseline()) ? null : r.baseline());
        out.put("evalScript", r.registered() ? null : r.task().evalScript().toString());
        out.put("notes", r.notes());
        out.put("bytesFetched", r.bytes());
        out.put("fetchMs", r.fetchTime().toMillis());
        out.put("totalMs", r.totalTime().toMillis());
        return out;
    }

    private static Map<String, Object> dataset(DatasetRecord d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.id());
        out.put("name", d.name());
        out.put("source", d.source());
        out.put("revision", d.revision());
        out.put("files", d.files());
        out.put("bytes", d.bytes());
        out.put("license", d.license());
        out.put("link", d.link());
        out.put("note", d.note());
        return out;
    }
}
