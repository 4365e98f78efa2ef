package org.mlrcopilot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWarningsTest {

    @TempDir
    Path dir;

    @Test
    void unknownYamlKeysAreWarningsNotErrors() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), """
                sandbox:
                  backnd: docker
                  allow_unsafe_process: true
                telemetry:
                  enabled: true
                """);

        LoadedConfig loaded = ConfigLoader.load(dir, Map.of());

        assertThat(loaded.warnings())
                .containsExactly(
                        "mlr.yaml: unknown key sandbox.backnd (ignored)",
                        "mlr.yaml: unknown key sandbox.allow_unsafe_process (ignored); did you mean sandbox.allowUnsafeProcess?",
                        "mlr.yaml: unknown key telemetry.enabled (ignored)");
        assertThat(loaded.config()).isEqualTo(MlrConfig.defaults());
    }

    @Test
    void emptySectionsAreNotWarnedAbout() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "sandbox:\nllm: {}\nweb:\n  port: 8081\n");

        assertThat(ConfigLoader.load(dir, Map.of()).warnings()).isEmpty();
    }

    @Test
    void unknownMlrEnvironmentVariablesAreWarnings() {
        Map<String, String> env =
                Map.of("MLR_SANDBOX_BACKND", "docker", "MLR_LLM_FASTMODEL", "x", "PATH", "/usr/bin", "HOME", "/root");

        LoadedConfig loaded = ConfigLoader.load(null, null, env);

        assertThat(loaded.warnings())
                .containsExactly(
                        "environment variable MLR_LLM_FASTMODEL is not a known setting (ignored); did you mean MLR_LLM_FAST_MODEL?",
                        "environment variable MLR_SANDBOX_BACKND is not a known setting (ignored)");
    }

    @Test
    void unknownMlrNamesInDotEnvAreWarnings() throws IOException {
        Files.writeString(dir.resolve(".env"), "MLR_NOPE=1\nOTHER_TOOL_SETTING=2\n");

        assertThat(ConfigLoader.load(dir, Map.of()).warnings())
                .containsExactly("MLR_NOPE in .env is not a known setting (ignored)");
    }

    @Test
    void badDotEnvLinesAreReportedByNumberWithoutTheirContent() throws IOException {
        Files.writeString(dir.resolve(".env"), "sk-ant-pasted-alone\nMLR_LLM_MODEL=\"unterminated\n9BAD=x\n");

        LoadedConfig loaded = ConfigLoader.load(dir, Map.of());

        assertThat(loaded.warnings())
                .containsExactly(
                        ".env line 1: expected NAME=value (ignored)",
                        ".env line 2: the value's closing quote is missing (ignored)",
                        ".env line 3: expected NAME=value (ignored)");
        assertThat(String.join("\n", loaded.warnings())).doesNotContain("sk-ant", "unterminated");
    }
}
