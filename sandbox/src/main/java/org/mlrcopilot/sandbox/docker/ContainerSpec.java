package org.mlrcopilot.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.SandboxEnvironment;
import org.mlrcopilot.sandbox.SandboxSettings;

/** The hardened container every execution runs in. */
final class ContainerSpec {

    static final String WORKSPACE = "/workspace";
    static final String USER = "65534:65534";
    private static final long CPU_PERIOD = 100_000L;

    private ContainerSpec() {}

    static CreateContainerCmd create(
            DockerClient client, SandboxSettings settings, ExecutionRequest request, String volume, String name) {
        return client.createContainerCmd(settings.image())
                .withName(name)
                .withUser(USER)
                .withWorkingDir(WORKSPACE)
                .withEnv(environment(request))
                .withCmd(request.command())
                .withEntrypoint(List.of())
                .withNetworkDisabled(request.network() == NetworkPolicy.NONE)
                .withLabels(Map.of(DockerEngine.LABEL, "true", DockerEngine.OWNER_LABEL, DockerEngine.owner()))
                .withHostConfig(hostConfig(settings, request, volume));
    }

    /**
     * A container that only keeps a tmpfs volume mounted while the run's container starts, runs and exits (the
     * engine drops a tmpfs volume's files when no running container uses it), and through which the workspace goes
     * in and out. As hardened as the run's, with no network and a few processes.
     */
    static CreateContainerCmd holder(DockerClient client, SandboxSettings settings, String volume, String name) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withReadonlyRootfs(true)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withMemory(32 * Limits.MIB)
                .withMemorySwap(32 * Limits.MIB)
                .withPidsLimit(8L)
                .withInit(true)
                .withBinds(new Bind(volume, new Volume(WORKSPACE)));
        if (!settings.runtime().isEmpty()) {
            host.withRuntime(settings.runtime());
        }
        return client.createContainerCmd(settings.image())
                .withName(name)
                .withUser(USER)
                .withCmd("sleep", "infinity")
                .withEntrypoint(List.of())
                .withNetworkDisabled(true)
                .withLabels(Map.of(DockerEngine.LABEL, "true", DockerEngine.OWNER_LABEL, DockerEngine.owner()))
                .withHostConfig(host);
    }

    private static List<String> environment(ExecutionRequest request) {
        List<String> env = new ArrayList<>();
        SandboxEnvironment.of(request).forEach((k, v) -> env.add(k + "=" + v));
        return env;
    }

    static HostConfig hostConfig(SandboxSettings settings, ExecutionRequest request, String volume) {
        Limits limits = request.limits();
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(request.network() == NetworkPolicy.NONE ? "none" : settings.outboundNetwork())
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=" + settings.tmpfsBytes()))
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withMemory(limits.memoryBytes())
                .withMemorySwap(limits.memoryBytes())
                .withCpuPeriod(CPU_PERIOD)
                .withCpuQuota(Math.max(1000L, Math.round(limits.cpus() * CPU_PERIOD)))
                .withPidsLimit((long) limits.pids())
                .withUlimits(List.of(
                        new Ulimit("nofile", settings.nofile(), settings.nofile()),
                        new Ulimit("fsize", settings.fsizeBytes(), settings.fsizeBytes())))
                .withInit(true)
                .withLogConfig(new LogConfig(
                        LogConfig.LoggingType.JSON_FILE,
                        Map.of("max-size", String.valueOf(logMaxSize(limits)), "max-file", "1")))
                .withBinds(new Bind(volume, new Volume(WORKSPACE)));
        if (!settings.runtime().isEmpty()) {
            host.withRuntime(settings.runtime());
        }
        if (!settings.gpus().isEmpty()) {
            host.withDeviceRequests(List.of(gpuRequest(settings.gpus())));
        }
        return host;
    }

    /** The engine's log file must stay well above the output cap, or rotation loses the head of the output. */
    static long logMaxSize(Limits limits) {
        return Math.max(4 * limits.outputBytes(), 256 * Limits.MIB);
    }

    private static DeviceRequest gpuRequest(String gpus) {
        int count = gpus.equals("all") ? -1 : Integer.parseInt(gpus);
        return new DeviceRequest().withCount(count).withCapabilities(List.of(List.of("gpu")));
    }

    static Set<Guarantee> guarantees(SandboxSettings settings, NetworkPolicy network) {
        Set<Guarantee> g = EnumSet.of(
                Guarantee.READ_ONLY_ROOT,
                Guarantee.NON_ROOT_USER,
                Guarantee.CAPABILITIES_DROPPED,
                Guarantee.NO_NEW_PRIVILEGES,
                Guarantee.MEMORY_CGROUP,
                Guarantee.CPU_QUOTA,
                Guarantee.PIDS_CGROUP,
                Guarantee.FILE_RLIMITS,
                Guarantee.NAMESPACES_ISOLATED,
                Guarantee.WORKSPACE_COPY,
                Guarantee.ENVIRONMENT_CLEARED,
                Guarantee.WALL_TIME_LIMIT,
                Guarantee.OUTPUT_CAPPED);
        if (network == NetworkPolicy.NONE) {
            g.add(Guarantee.NETWORK_ISOLATED);
        }
        if (settings.runtime().equals("runsc")) {
            g.add(Guarantee.USER_SPACE_KERNEL);
        }
        return g;
    }
}
