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
 * `mlr experiment --search tree` end to end: the real OpenAI client against a fake LLM server answering with whole
 * files, the real sandbox, the digits task: two drafts (one crashing), a fix, the tree in the JSON line.
 */
class TreeCliIT {

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
                        + "papers:\n  huggingFaceUrl: http://127.0.0.1:9/\n"
                        + "experiment:\n  debugProbability: 1\n");
        Files.writeString(dir.resolve(".env"), "OPENAI_API_KEY=sk-test-experiment\n");
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    private void answer(String plan, String code) throws IOException {
        llm.enqueueText("Here is the solution:\n"
                + json.writeValueAsString(Map.of("plan", plan, "files", Map.of("train.py", code))));
    }

    @Test
    void aTreeSearchPrintsItsNodesAndTheBestInTheJsonLine() throws IOException {
        String svc = Files.readString(SVC);
        answer("an RBF SVC with a typo", svc.replace("model.fit(x_fit, y_fit)", "model.fit(x_fit, y_fitt)"));
        answer(
                "a longer logistic regression",
                Files.readString(TASK.resolve("env/train.py")).replace("max_iter=20", "max_iter=2000"));
        answer("the RBF SVC, typo fixed", svc);

        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "experiment",
                "--task",
                TASK.toString(),
                "--search",
                "tree",
                "--drafts",
                "2",
                "--workers",
                "1",
                "--max-nodes",
                "3",
                "--json");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode result = json.readTree(outcome.lastLine());
        assertThat(result.get("search").asText()).isEqualTo("tree");
        assertThat(result.get("nodes")).hasSize(3);
        assertThat(result.at("/nodes/0/operator").asText()).isEqualTo("draft");
        assertThat(result.at("/nodes/0/status").asText()).isEqualTo("failed");
        assertThat(result.at("/nodes/0/score").isNull()).isTrue();
        assertThat(result.at("/nodes/2/operator").asText()).isEqualTo("debug");
        assertThat(result.at("/nodes/2/parent").asText()).isEqualTo("n1");
        assertThat(result.at("/nodes/2/status").asText()).isEqualTo("done");
        assertThat(result.at("/nodes/1/costUsd").isNumber()).isTrue();
        assertThat(result.get("best").asText()).isEqualTo("n3");
        assertThat(result.get("final").asDouble())
                .isEqualTo(result.at("/nodes/2/score").asDouble())
                .isGreaterThan(result.get("baseline").asDouble());
        assertThat(result.get("stopReason").asText()).isEqualTo("max-steps: 3 nodes");
        assertThat(result.at("/usage/calls").asInt()).isEqualTo(3);
        assertThat(llm.requests()).hasSize(3);
        assertThat(llm.requests().get(2).promptText()).contains("y_fitt");
        assertThat(outcome.err()).contains("node n1: draft -> failed").contains("node n3: debug of n1 -> done");
        assertThat(Files.readString(TASK.resolve("env/train.py"))).doesNotContain("SVC");
    }

    @Test
    void anUnknownSearchIsAClearError() {
        CliRunner.Outcome outcome =
                CliRunner.run("--dir", dir.toString(), "experiment", "--task", TASK.toString(), "--search", "beam");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("--search must be loop or tree");
    }

    @Test
    void copilotIsTheLoopsAndSaysSoWithATree() {
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir", dir.toString(), "experiment", "--task", TASK.toString(), "--search", "tree", "--copilot");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("--copilot asks after every step of the agent loop");
    }
}
