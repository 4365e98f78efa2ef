package org.mlrcopilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionRequestTest {

    @TempDir
    Path workspace;

    @Test
    void defaultsAreStrict() {
        ExecutionRequest request =
                ExecutionRequest.builder(workspace, "python3", "x.py").build();
        assertThat(request.network()).isEqualTo(NetworkPolicy.NONE);
        assertThat(request.env()).isEmpty();
        assertThat(request.limits()).isEqualTo(Limits.defaults());
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        assertThatThrownBy(() -> ExecutionRequest.builder(workspace.resolve("missing"), "true")
                        .build())
                .hasMessageContaining("not a directory");
        assertThatThrownBy(() -> ExecutionRequest.builder(workspace, List.of()).build())
                .hasMessageContaining("command is empty");
        assertThatThrownBy(() -> ExecutionRequest.builder(workspace, "true")
                        .env("BAD NAME", "x")
                        .build())
                .hasMessageContaining("BAD NAME");
        assertThatThrownBy(() -> Limits.defaults().withWallTime(Duration.ZERO)).hasMessageContaining("wall time");
        assertThatThrownBy(() -> Limits.defaults().withPids(2)).hasMessageContaining("pids");
        assertThatThrownBy(() -> Limits.defaults().withMemoryBytes(1024)).hasMessageContaining("memory");
    }

    @Test
    void settingsRefuseAnEnvironmentCarryingASecret() {
        SandboxSettings settings = SandboxSettings.defaults().withSecretValues(List.of("s3cr3t-value"));
        ExecutionRequest request = ExecutionRequest.builder(workspace, "env")
                .env("KEY", "x-s3cr3t-value-y")
                .build();
        assertThatThrownBy(() -> settings.checkEnvironment(request))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("KEY")
                .hasMessageNotContaining("s3cr3t");
    }
}
