package org.mlrcopilot.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.HostConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.SandboxSettings;

/** The optional settings no test machine here can run: GPUs and an alternative runtime. */
class ContainerSpecTest {

    @TempDir
    Path workspace;

    private static SandboxSettings settings(String gpus, String runtime) {
        SandboxSettings d = SandboxSettings.defaults();
        return new SandboxSettings(
                d.image(),
                d.rootfs(),
                d.tmpfsBytes(),
                d.maxWorkspaceBytes(),
                d.nofile(),
                d.fsizeBytes(),
                gpus,
                runtime,
                "bridge",
                List.of());
    }

    @Test
    void requestsAllGpusOrACountAndTheConfiguredRuntime() {
        ExecutionRequest request = ExecutionRequest.builder(workspace, "true").build();

        HostConfig all = ContainerSpec.hostConfig(settings("all", "runsc"), request, "vol");
        assertThat(all.getDeviceRequests()).singleElement().satisfies(d -> {
            assertThat(d.getCount()).isEqualTo(-1);
            assertThat(d.getCapabilities()).containsExactly(List.of("gpu"));
        });
        assertThat(all.getRuntime()).isEqualTo("runsc");
        assertThat(ContainerSpec.guarantees(settings("all", "runsc"), NetworkPolicy.NONE))
                .contains(Guarantee.USER_SPACE_KERNEL);

        HostConfig two = ContainerSpec.hostConfig(settings("2", ""), request, "vol");
        assertThat(two.getDeviceRequests())
                .singleElement()
                .satisfies(d -> assertThat(d.getCount()).isEqualTo(2));
        assertThat(two.getRuntime()).isNull();
        assertThat(ContainerSpec.hostConfig(settings("", ""), request, "vol").getDeviceRequests())
                .isNull();
    }

    @Test
    void outboundNetworkOnlyWhenTheRequestAsksAndNeverClaimsIsolationThen() {
        ExecutionRequest outbound = ExecutionRequest.builder(workspace, "true")
                .network(NetworkPolicy.OUTBOUND)
                .build();

        assertThat(ContainerSpec.hostConfig(settings("", ""), outbound, "vol").getNetworkMode())
                .isEqualTo("bridge");
        assertThat(ContainerSpec.guarantees(settings("", ""), NetworkPolicy.OUTBOUND))
                .doesNotContain(Guarantee.NETWORK_ISOLATED);
    }

    @Test
    void logFileStaysAboveTheOutputCap() {
        Limits big = Limits.defaults().withOutputBytes(512 * Limits.MIB);
        assertThat(ContainerSpec.logMaxSize(big)).isGreaterThan(big.outputBytes());
        assertThat(ContainerSpec.logMaxSize(Limits.defaults()))
                .isGreaterThan(Limits.defaults().outputBytes());
    }
}
