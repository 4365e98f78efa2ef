package org.mlrcopilot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.bot.llm.FakeLlmServer;

/**
 * `mlr experiment` end to end: the real OpenAI client against a fake LLM server that answers with
 * tool calls, the real sandbox, the digits task: baseline, an edit, an execution, a better score,
 * and a final answer whose invented number is flagged.
 */
class ExperimentRunIT {

    private static final Path TASK = Path.of("../tasks/digits-classifier");
    private static final Path SVC = Path.of("../agents/src/test/resources/experiment/train_svc.py");
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeLlmServer llm;

    @BeforeEach
    void start() throws IOException {
        llm = FakeLlmServer.start();
        Files.writeString(
                dir.resolve("mlr.yaml"),
                "store:\n  dataDir: " + dir.resolve("data") + "\n"
                        + "llm:\n  provider: openai\n  baseUrl: " + llm.baseUrl("openai") + "\n  maxRetries: 0\n"
                        + "papers:\n  huggingFaceUrl: http://127.0.0.1:9/\n");
        Files.writeString(dir.resolve(".env"), "OPENAI_API_KEY=sk-test-experiment\nMLR_EXPERIMENT_SEARCH=loop\n");
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    private void tool(String name, Map<String, String> args) throws IOException {
        Map<String, String> withLog = new java.util.LinkedHashMap<>(args);
        withLog.put("log", "step log: " + name);
        llm.enqueueToolCall(name, json.writeValueAsString(withLog));
    }

    @Test
    void aStepAboveTheConfiguredCostNeedsApprovalAndADeclineStopsTheRun() throws IOException {
        Files.writeString(
                dir.resolve("mlr.yaml"),
                Files.readString(dir.resolve("mlr.yaml"))
                        + "experiment:\n  approval: above-cost\n  approvalCostUsd: 0.0001\n");
        tool("list_files", Map.of("dir_path", "."));
        java.io.InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream("n\n".getBytes()));
        CliRunner.Outcome outcome;
        try {
            outcome = CliRunner.run("--dir", dir.toString(), "experiment", "--task", TASK.toString(), "--json");
        } finally {
            System.setIn(stdin);
        }

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode result = json.readTree(outcome.lastLine());
        assertThat(result.get("stopReason").asText()).startsWith("declined");
        assertThat(result.get("steps").asInt()).isZero();
        assertThat(outcome.err()).contains("approve: Step 1: the next model call is estimated at $");
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void anInterruptedRunResumesFromItsLastCompletedStep() throws IOException {
        tool("read_file", Map.of("file_name", "train.py"));
        llm.enqueueError(500, "the model server crashed");
        CliRunner.Outcome first =
                CliRunner.run("--dir", dir.toString(), "experiment", "--task", TASK.toString(), "--json");
        assertThat(json.readTree(first.lastLine()).get("stopReason").asText()).startsWith("error");
        String runDir = first.err().replaceAll("(?s).*run directory (\\S+) .*", "$1");

        tool("write_file", Map.of("file_name", "train.py", "content", Files.readString(SVC)));
        tool("execute_script", Map.of("script_name", "train.py"));
        tool("final_answer", Map.of("answer", "Switched to an RBF SVC."));
        CliRunner.Outcome resumed = CliRunner.run(
                "--dir", dir.toString(), "experiment", "--task", TASK.toString(), "--resume", runDir, "--json");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode result = json.readTree(resumed.lastLine());
        assertThat(result.get("stopReason").asText()).isEqualTo("final-answer");
        assertThat(result.get("steps").asInt()).isEqualTo(4);
        assertThat(result.get("final").asDouble())
                .isGreaterThan(result.get("baseline").asDouble());
        assertThat(llm.requests().get(2).promptText()).contains("read_file");
    }

    @Test
    void improvesOnTheBaselineAndFlagsAnInventedNumber() throws IOException {
        tool("read_file", Map.of("file_name", "train.py"));
        tool("write_file", Map.of("file_name", "train.py", "content", Files.readString(SVC)));
        tool("execute_script", Map.of("script_name", "train.py"));
        tool("final_answer", Map.of("answer", "An RBF SVC on scaled pixels reaches a test accuracy of 0.9999."));

        CliRunner.Outcome outcome =
                CliRunner.run("--dir", dir.toString(), "experiment", "--task", TASK.toString(), "--json");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode result = json.readTree(outcome.lastLine());
        double baseline = result.get("baseline").asDouble();
        assertThat(baseline).isBetween(0.85, 0.99);
        assertThat(result.get("final").asDouble()).isGreaterThan(baseline);
        assertThat(result.get("improvementPct").asDouble()).isPositive();
        assertThat(result.get("success").isBoolean()).isTrue();
        assertThat(result.get("steps").asInt()).isEqualTo(4);
        assertThat(result.get("stopReason").asText()).isEqualTo("final-answer");
        assertThat(result.at("/usage/calls").asInt()).isEqualTo(4);
        assertThat(result.get("flaggedClaims").toString()).contains("0.9999");
        assertThat(result.get("artifacts").toString()).contains("submission.csv");
        assertThat(result.get("diff").asText()).contains("SVC");
        assertThat(Files.readAllLines(Path.of(result.get("trace").asText()))).hasSize(4);

        assertThat(llm.requests()).hasSize(4);
        assertThat(llm.requests().get(0).body().get("tools").toString()).contains("execute_script", "final_answer");
        assertThat(llm.requests().get(0).promptText()).contains("handwritten digit");
        assertThat(llm.requests().get(3).promptText()).contains("validation accuracy:");
        assertThat(outcome.err())
                .contains("step 3: execute_script")
                .contains("matching tasks: digits-classifier")
                .contains("note: ");
        assertThat(Files.readString(TASK.resolve("env/train.py"))).doesNotContain("SVC");
    }
}
