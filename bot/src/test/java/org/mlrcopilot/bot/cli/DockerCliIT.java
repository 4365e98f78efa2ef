package org.mlrcopilot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `mlr sandbox run` and `mlr serve` against the real Docker engine. */
class DockerCliIT {

    @TempDir
    Path dir;

    @TempDir
    Path workspace;

    @BeforeEach
    void dockerIsThere() {
        CliRunner.Outcome status = CliRunner.run("--dir", dir.toString(), "sandbox", "status");
        boolean docker = status.out().startsWith("sandbox: docker");
        if (Boolean.getBoolean("mlr.requireSandboxes")) {
            assertThat(docker).as("Docker backend required: %s", status.out()).isTrue();
        }
        assumeTrue(docker, status.out());
    }

    @Test
    void runsInTheHardenedContainerAndReportsItsGuarantees() throws IOException {
        Files.writeString(
                workspace.resolve("train.py"),
                "import os, sklearn\nprint('uid', os.getuid())\n" + "open('metrics.txt', 'w').write('accuracy=0.9')\n");
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "sandbox",
                "run",
                workspace.toString(),
                "--timeout",
                "60s",
                "--memory",
                "512m",
                "--json",
                "--",
                "python3",
                "train.py");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).startsWith("uid 65534\n");
        JsonNode json = new ObjectMapper().readTree(outcome.lastLine());
        assertThat(json.get("backend").asText()).isEqualTo("docker");
        assertThat(json.get("guarantees").toString()).contains("NETWORK_ISOLATED", "MEMORY_CGROUP", "READ_ONLY_ROOT");
        assertThat(Files.readString(workspace.resolve("metrics.txt"))).isEqualTo("accuracy=0.9");
    }

    @Test
    void serveReportsSandboxAndMissingLlm() {
        CliRunner.Outcome outcome = CliRunner.run("--dir", dir.toString(), "serve", "--check");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out())
                .contains("sandbox.backend = auto   (default)")
                .contains("sandbox: docker")
                .contains("network-isolated");
        assertThat(outcome.out()).containsPattern("(?m)^llm: (none configured|MISCONFIGURED|\\S+ \\(main )");
    }
}
