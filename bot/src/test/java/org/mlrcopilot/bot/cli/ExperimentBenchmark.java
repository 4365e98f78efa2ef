package org.mlrcopilot.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.agents.experiment.ExperimentAgent;
import org.mlrcopilot.agents.experiment.ExperimentLimits;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.FileRunCheckpoints;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.StepListener;
import org.mlrcopilot.agents.experiment.TeamChannel;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.bot.llm.FakeLlmServer;
import org.mlrcopilot.bot.llm.LlmModels;
import org.mlrcopilot.bot.llm.LlmProviders;
import org.mlrcopilot.bot.llm.RecordedLlmRequest;
import org.mlrcopilot.bot.sandbox.Sandboxes;
import org.mlrcopilot.config.LlmConfig;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.config.Secret;
import org.mlrcopilot.sandbox.Sandbox;

/**
 * A scripted 30-step ExperimentAgent run on the digits task through the real OpenAI client and a
 * fake LLM server, in the real sandbox: LLM calls per action, and the prompt tokens of each step's
 * action call (GPT-4o tokenizer over the messages) to see that prompts stop growing. Run with
 * {@code mvn -q -pl bot test-compile exec:java -Dexec.mainClass=org.mlrcopilot.bot.cli.ExperimentBenchmark
 * -Dexec.classpathScope=test}
 */
public final class ExperimentBenchmark {

    private static final Path ROOT = Files.isDirectory(Path.of("tasks")) ? Path.of(".") : Path.of("..");
    private static final int STEPS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExperimentBenchmark() {}

    public static void main(String[] args) throws IOException {
        TaskSpec task = Tasks.load(ROOT.resolve("tasks/digits-classifier"));
        Path runDir = Files.createTempDirectory("mlr-bench-run-");
        try (FakeLlmServer llm = FakeLlmServer.start();
                Sandbox sandbox = Sandboxes.select(MlrConfig.defaults()).sandbox()) {
            script(llm);
            LlmModels models = LlmProviders.fromConfig(new LlmConfig(
                            "openai",
                            "gpt-4o",
                            "gpt-4o-mini",
                            llm.baseUrl("openai"),
                            0.2,
                            Duration.ofSeconds(60),
                            0,
                            Secret.none(),
                            Secret.of("sk-bench")))
                    .orElseThrow();
            ExperimentResult result = ExperimentAgent.builder(models.main(), models.fast(), sandbox)
                    .evaluator(new Evaluator(
                            sandbox, Sandboxes.limits(MlrConfig.defaults().sandbox())))
                    .limits(ExperimentLimits.defaults().withMaxSteps(STEPS))
                    .team(quietTeam())
                    .checkpoints(new FileRunCheckpoints(runDir.resolve("checkpoints")))
                    .build()
                    .run(task, task.researchProblem(), runDir, StepListener.ignore());
            report(llm.requests(), result);
        }
    }

    /** 30 actions: reads, listings, two AI edits (one extra call each), executions, a reflection, a final answer. */
    private static void script(FakeLlmServer llm) throws IOException {
        String svc = Files.readString(ROOT.resolve("agents/src/test/resources/experiment/train_svc.py"));
        for (int step = 1; step < STEPS; step++) {
            switch (step % 6) {
                case 0 -> tool(llm, "execute_script", Map.of("script_name", "train.py"));
                case 1 -> tool(llm, "read_file", Map.of("file_name", "train.py"));
                case 2 -> tool(llm, "list_files", Map.of("dir_path", "."));
                case 3 ->
                    tool(
                            llm,
                            "inspect_script_lines",
                            Map.of("script_name", "train.py", "start_line", "1", "end_line", "20"));
                case 4 -> tool(llm, "write_file", Map.of("file_name", "train.py", "content", svc));
                default -> tool(llm, "read_file", Map.of("file_name", "data/test_features.csv"));
            }
            if (step == 10 || step == 20) {
                tool(
                        llm,
                        "edit_script",
                        Map.of(
                                "script_name",
                                "train.py",
                                "edit_instruction",
                                "Use C=10 for the SVC.",
                                "save_name",
                                "train.py"));
                llm.enqueueText(svc, 1000, 800);
                step++;
            }
            if (step == 15) {
                tool(llm, "reflection", Map.of("things_to_reflect_on", "What should we try next?"));
                llm.enqueueText("Try tuning C and gamma with a small grid.", 800, 60);
                step++;
            }
        }
        tool(llm, "final_answer", Map.of("answer", "Replaced logistic regression with an RBF SVC."));
    }

    private static void tool(FakeLlmServer llm, String name, Map<String, String> args) throws IOException {
        Map<String, Object> withLog = new LinkedHashMap<>(args);
        withLog.replaceAll((k, v) -> k.endsWith("_line") ? (Object) Integer.parseInt((String) v) : v);
        withLog.put("log", "Baseline logistic regression measured. Tried an RBF SVC on scaled pixels; next: tune C.");
        llm.enqueueToolCall(name, JSON.writeValueAsString(withLog));
    }

    private static TeamChannel quietTeam() {
        return new TeamChannel() {
            public List<String> feedbackSince(int step) {
                return List.of();
            }

            public String answer(String question) {
                return "carry on";
            }

            public boolean approve(String description) {
                return true;
            }

            public RunControl control() {
                return RunControl.RUNNING;
            }
        };
    }

    private static void report(List<RecordedLlmRequest> requests, ExperimentResult result) {
        OpenAiTokenCountEstimator tokens = new OpenAiTokenCountEstimator("gpt-4o");
        List<Integer> perStep = new ArrayList<>();
        for (RecordedLlmRequest r : requests) {
            if (r.body().has("tools")) {
                perStep.add(
                        tokens.estimateTokenCountInText(r.body().get("messages").toString()));
            }
        }
        System.out.printf(
                "steps %d, stop %s, LLM calls %d, calls per action %.2f (target <= 1.2)%n",
                result.steps(), result.stopReason(), requests.size(), requests.size() / (double) result.steps());
        System.out.println("prompt tokens per step (action call, messages only): " + perStep);
        for (int from = 0; from + 5 <= perStep.size(); from += 5) {
            List<Integer> window = perStep.subList(from, from + 5);
            System.out.printf(
                    "steps %2d-%2d: mean %6.0f, max %5d%n",
                    from + 1,
                    from + 5,
                    window.stream().mapToInt(Integer::intValue).average().orElse(0),
                    window.stream().mapToInt(Integer::intValue).max().orElse(0));
        }
    }
}
