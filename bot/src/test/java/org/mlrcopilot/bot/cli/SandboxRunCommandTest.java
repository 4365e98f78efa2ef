package org.mlrcopilot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, on the process backend (allowed by an mlr.yaml in a temp directory). */
class SandboxRunCommandTest {

    @TempDir
    Path dir;

    @TempDir
    Path workspace;

    private void allowProcessBackend() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "sandbox:\n  backend: process\n  allowUnsafeProcess: true\n");
    }

    @Test
    void streamsOutputAndEndsWithOneJsonLine() throws IOException {
        allowProcessBackend();
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "sandbox",
                "run",
                workspace.toString(),
                "--timeout",
                "30s",
                "--memory",
                "256m",
                "--json",
                "--",
                "sh",
                "-c",
                "echo hello; echo made > out.txt; exit 4");

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.out()).startsWith("hello\n");
        JsonNode json = new ObjectMapper().readTree(outcome.lastLine());
        assertThat(json.get("exitCode").asInt()).isEqualTo(4);
        assertThat(json.get("timedOut").asBoolean()).isFalse();
        assertThat(json.get("oomKilled").asBoolean()).isFalse();
        assertThat(json.get("durationMs").asLong()).isNotNegative();
        assertThat(json.get("outputBytes").asLong()).isEqualTo(6);
        assertThat(json.get("droppedBytes").asLong()).isZero();
        assertThat(json.get("backend").asText()).isEqualTo("process");
        assertThat(json.get("guarantees").toString())
                .contains("WALL_TIME_LIMIT")
                .doesNotContain("NETWORK_ISOLATED");
        assertThat(Files.readString(workspace.resolve("out.txt"))).isEqualTo("made\n");
        assertThat(outcome.err()).contains("exit 4 after").contains("changed: out.txt");
    }

    @Test
    void timeoutIsReportedWithExitCode124() throws IOException {
        allowProcessBackend();
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "sandbox",
                "run",
                workspace.toString(),
                "--timeout",
                "1s",
                "--json",
                "--",
                "sleep",
                "30");

        assertThat(outcome.exitCode()).isEqualTo(124);
        assertThat(new ObjectMapper()
                        .readTree(outcome.lastLine())
                        .get("timedOut")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void badOptionValueIsAClearError() throws IOException {
        allowProcessBackend();
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir", dir.toString(), "sandbox", "run", workspace.toString(), "--memory", "lots", "--", "true");

        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.err()).contains("lots");
    }

    @Test
    void unsafeBackendIsRefusedByDefault() {
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir", dir.toString(), "sandbox", "run", workspace.toString(), "--backend", "process", "--", "true");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("sandbox.allowUnsafeProcess=true");
    }

    @Test
    void badConfigurationNamesKeyValueAndSource() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "sandbox:\n  memory: lots\n");
        CliRunner.Outcome outcome = CliRunner.run("--dir", dir.toString(), "config");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("sandbox.memory").contains("lots").contains("mlr.yaml");
    }
}
