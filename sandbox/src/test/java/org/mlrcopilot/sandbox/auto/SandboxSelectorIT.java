package org.mlrcopilot.sandbox.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.TestSandboxes;
import org.mlrcopilot.sandbox.bwrap.BubblewrapSandbox;
import org.mlrcopilot.sandbox.docker.DockerSandbox;

class SandboxSelectorIT {

    @Test
    void autoPrefersDockerWhenTheProbeContainerRuns() {
        SandboxSelector.Selection selection =
                TestSandboxes.start("docker", () -> SandboxSelector.select("auto", TestSandboxes.settings(), false));
        try (Sandbox sandbox = selection.sandbox()) {
            assertThat(sandbox).isInstanceOf(DockerSandbox.class);
            assertThat(sandbox.guarantees()).contains(Guarantee.MEMORY_CGROUP, Guarantee.NETWORK_ISOLATED);
            assertThat(selection.notes()).isEmpty();
        }
    }

    @Test
    void autoFallsBackToBubblewrapAndSaysWhy() {
        SandboxSettings noImage = TestSandboxes.settings().withImage("mlr-sandbox:missing-for-test");
        SandboxSelector.Selection selection =
                TestSandboxes.start("bwrap", () -> SandboxSelector.select("auto", noImage, false));
        try (Sandbox sandbox = selection.sandbox()) {
            assertThat(sandbox).isInstanceOf(BubblewrapSandbox.class);
            assertThat(sandbox.guarantees()).contains(Guarantee.MEMORY_RLIMIT).doesNotContain(Guarantee.MEMORY_CGROUP);
            assertThat(selection.notes())
                    .singleElement()
                    .asString()
                    .contains("docker:")
                    .contains("mlr-sandbox:missing-for-test");
        }
    }

    @Test
    void autoRefusesWithWhatToInstallWhenNothingIsUsable() {
        SandboxSettings nothing = TestSandboxes.settings()
                .withImage("mlr-sandbox:missing-for-test")
                .withRootfs(Path.of("/nonexistent/rootfs"));
        assertThatThrownBy(() -> SandboxSelector.select("auto", nothing, true))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("no sandbox backend is usable")
                .hasMessageContaining("docker.io")
                .hasMessageContaining("bubblewrap")
                .hasMessageContaining("/nonexistent/rootfs");
    }

    @Test
    void unknownBackendIsAClearError() {
        assertThatThrownBy(() -> SandboxSelector.select("vm", TestSandboxes.settings(), false))
                .hasMessageContaining("unknown sandbox backend 'vm'")
                .hasMessageContaining("auto, docker, bwrap, slurm or process");
    }
}
