package org.mlrcopilot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `mlr experiment --baseline-only` on the shipped example tasks, in the real sandbox. */
class ExperimentCliIT {

    private static final Path TASKS = Path.of("../tasks");

    @TempDir
    Path dir;

    @BeforeEach
    void config() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "store:\n  dataDir: " + dir.resolve("data") + "\n");
    }

    @Test
    void measuresTheDigitsBaselineOnAFreshCopyOfTheTask() throws IOException {
        String before = Files.readString(TASKS.resolve("digits-classifier/env/train.py"));
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "experiment",
                "--task",
                TASKS.resolve("digits-classifier").toString(),
                "--baseline-only",
                "--json");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(outcome.lastLine());
        assertThat(json.get("baseline").asDouble()).isBetween(0.85, 0.99);
        assertThat(json.get("metric").asText()).isEqualTo("accuracy");
        assertThat(json.get("stopReason").asText()).isEqualTo("baseline-only");
        assertThat(json.get("steps").asInt()).isZero();
        assertThat(json.has("final")).isTrue();
        assertThat(json.has("usage")).isTrue();
        Path workspace = Path.of(json.get("workspace").asText());
        assertThat(workspace.resolve("submission.csv")).doesNotExist();
        assertThat(workspace.resolve("data/train.csv")).exists();
        assertThat(Files.readString(TASKS.resolve("digits-classifier/env/train.py")))
                .isEqualTo(before);
        assertThat(TASKS.resolve("digits-classifier/env/data")).doesNotExist();
    }

    @Test
    void directionOverrideAndTheLowerIsBetterTask() throws IOException {
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "experiment",
                "--task",
                TASKS.resolve("diabetes-regression").toString(),
                "--baseline-only",
                "--direction",
                "lower",
                "--json");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(outcome.lastLine());
        assertThat(json.get("metric").asText()).isEqualTo("rmse");
        assertThat(json.get("direction").asText()).isEqualTo("lower");
        assertThat(json.get("baseline").asDouble()).isBetween(40.0, 80.0);
    }

    @Test
    void theAgentRunNeedsAnLlmAndSaysHowToConfigureOne() {
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "experiment",
                "--task",
                TASKS.resolve("digits-classifier").toString());

        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(outcome.err()).contains("ANTHROPIC_API_KEY");
    }

    @Test
    void aMissingTaskIsAClearError() {
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "experiment",
                "--task",
                dir.resolve("nope").toString(),
                "--baseline-only");

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.err()).contains("mlr: task nope").doesNotContain("Exception");
    }
}
