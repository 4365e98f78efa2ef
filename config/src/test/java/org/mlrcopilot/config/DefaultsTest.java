package org.mlrcopilot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultsTest {

    private final MlrConfig defaults = MlrConfig.defaults();

    @Test
    void sandboxDefaults() {
        assertThat(defaults.sandbox())
                .isEqualTo(new SandboxConfig(
                        "auto",
                        "mlr-sandbox:0.1",
                        Path.of("/var/lib/mlr-copilot/sandbox-rootfs"),
                        Duration.ofMinutes(10),
                        2L << 30,
                        1.0,
                        256,
                        1L << 20,
                        256L << 20,
                        512L << 20,
                        10_000,
                        "none",
                        false,
                        "",
                        "",
                        1024,
                        256L << 20));
    }

    @Test
    void otherDefaults() {
        assertThat(defaults.llm())
                .isEqualTo(
                        new LlmConfig("", "", "", "", 0.2, Duration.ofSeconds(120), 3, Secret.none(), Secret.none()));
        assertThat(defaults.fetch())
                .isEqualTo(new FetchConfig(
                        false, 30L << 20, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(120)));
        assertThat(defaults.budget()).isEqualTo(new BudgetConfig(5.0, 50.0, 2_000_000, 20_000_000, ""));
        assertThat(defaults.web().port()).isEqualTo(8080);
        assertThat(defaults.store().dataDir()).isEqualTo(Path.of("./data"));
        assertThat(defaults.slack().mode()).isEqualTo("socket");
        assertThat(defaults.slack().apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(defaults.slack().channels()).isEmpty();
        assertThat(defaults.discord().channels()).isEmpty();
        assertThat(defaults.discord().approverRole()).isEmpty();
        assertThat(defaults.research().huggingFaceToken().isPresent()).isFalse();
    }

    @Test
    void describeListsEveryKeySortedWithValueAndSource() {
        LoadedConfig loaded = ConfigLoader.load(null, null, Map.of("MLR_SANDBOX_BACKEND", "docker"));
        String[] lines = loaded.describe().split("\n");

        assertThat(lines).hasSize(Key.values().length).isSorted();
        assertThat(lines)
                .contains(
                        "sandbox.backend = docker   (environment variable MLR_SANDBOX_BACKEND)",
                        "sandbox.memory = 2g   (default)",
                        "sandbox.timeout = 10m   (default)",
                        "llm.provider = \"\"   (default)",
                        "llm.anthropicApiKey = <unset>   (default)",
                        "slack.channels = \"\"   (default)",
                        "budget.perDayUsd = 50.0   (default)");
    }

    @Test
    void sourcesCoverEveryKey() {
        assertThat(ConfigLoader.load(null, null, Map.of()).sources())
                .hasSize(Key.values().length)
                .allSatisfy((key, source) -> assertThat(source).isEqualTo("default"));
    }
}
