package org.mlrcopilot.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.sandbox.ContainmentContract;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.OutputListener;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxFailureException;
import org.mlrcopilot.sandbox.TestSandboxes;

/** The contract and containment on the real engine, the workspace in a volume backed by a host copy. */
class DockerSandboxIT extends ContainmentContract {

    private static final Map<Class<?>, DockerSandbox> SANDBOXES = new ConcurrentHashMap<>();
    private static DockerEngine engine;

    @BeforeAll
    static void connect() {
        engine = DockerEngine.connect();
    }

    @AfterAll
    static void stop() {
        SANDBOXES.values().forEach(DockerSandbox::close);
        SANDBOXES.clear();
        engine.close();
    }

    /** How the workspace reaches the container: true = host copy backing the volume, false = archive API. */
    protected boolean localTransfer() {
        return true;
    }

    @Override
    protected Sandbox sandbox() {
        return SANDBOXES.computeIfAbsent(
                getClass(),
                c -> TestSandboxes.start(
                        "docker", () -> DockerSandbox.start(TestSandboxes.settings(), localTransfer())));
    }

    @Override
    protected void assertNothingLeftBehind() {
        Map<String, String> mine = Map.of(DockerEngine.OWNER_LABEL, DockerEngine.owner());
        assertThat(engine.client()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(mine)
                        .exec())
                .isEmpty();
        var volumes = engine.client()
                .listVolumesCmd()
                .withFilter("label", List.of(DockerEngine.OWNER_LABEL + "=" + DockerEngine.owner()))
                .exec()
                .getVolumes();
        assertThat(volumes == null ? List.of() : volumes).isEmpty();
    }

    @Test
    void timedOutContainerIsGoneAfterTheRun() throws IOException {
        ExecutionResult result =
                python("import time\nwhile True:\n    time.sleep(0.1)\n", quick().withWallTime(Duration.ofSeconds(2)));

        assertThat(result.timedOut()).isTrue();
        assertNothingLeftBehind();
    }

    @Test
    void theEngineAppliesEveryHardeningSetting() throws IOException {
        AtomicReference<InspectContainerResponse> seen = new AtomicReference<>();
        ExecutionResult result = python(
                "import time\nprint('started', flush=True)\ntime.sleep(2)\n",
                quick(),
                (stream, line) -> seen.compareAndSet(null, inspectMine()));

        assertThat(result.exitCode()).isZero();
        InspectContainerResponse container = seen.get();
        HostConfig host = container.getHostConfig();
        assertThat(container.getConfig().getUser()).isEqualTo("65534:65534");
        assertThat(container.getConfig().getEnv()).noneMatch(e -> e.contains(SECRET));
        assertThat(host.getNetworkMode()).isEqualTo("none");
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getSecurityOpts()).contains("no-new-privileges");
        assertThat(host.getMemory()).isEqualTo(512 * Limits.MIB);
        assertThat(host.getMemorySwap()).isEqualTo(512 * Limits.MIB);
        assertThat(host.getCpuQuota()).isEqualTo(100_000L);
        assertThat(host.getCpuPeriod()).isEqualTo(100_000L);
        assertThat(host.getPidsLimit()).isEqualTo(64L);
        assertThat(host.getInit()).isTrue();
        assertThat(host.getTmpFs()).containsKey("/tmp");
        assertThat(host.getUlimits()).extracting(u -> u.getName()).contains("nofile", "fsize");
        assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
        assertThat(Long.parseLong(host.getLogConfig().getConfig().get("max-size")))
                .isGreaterThan(quick().outputBytes());
        assertThat(container.getConfig().getLabels()).containsEntry(DockerEngine.LABEL, "true");
    }

    /** The run's container (not the workspace's holder). */
    private static InspectContainerResponse inspectMine() {
        return inspectMine(false).get(0);
    }

    @Test
    void aReachableEngineReportsNoProblem() {
        assertThat(sandbox().problem()).as("what /healthz asks").isEmpty();
    }

    @Test
    void unreachableEngineIsAClearError() {
        String previous = System.getProperty("DOCKER_HOST");
        System.setProperty("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DockerSandbox.start(TestSandboxes.settings()))
                    .isInstanceOf(SandboxException.class)
                    .hasMessageContaining("unreachable")
                    .hasMessageContaining("/nonexistent/docker.sock")
                    .hasMessageContaining("sandbox.backend=bwrap");
        } finally {
            if (previous == null) {
                System.clearProperty("DOCKER_HOST");
            } else {
                System.setProperty("DOCKER_HOST", previous);
            }
        }
    }

    @Test
    void missingImageIsAClearErrorWithTheBuildCommand() {
        var settings = TestSandboxes.settings().withImage("mlr-sandbox:does-not-exist");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DockerSandbox.start(settings))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("mlr-sandbox:does-not-exist")
                .hasMessageContaining("./mlr sandbox build-image");
    }

    @Test
    void removesOrphansOfDeadOwnersAtStartUp() {
        String orphan = engine.client()
                .createVolumeCmd()
                .withName("mlr-ws-orphan-test")
                .withLabels(Map.of(DockerEngine.LABEL, "true", DockerEngine.OWNER_LABEL, "999999999@" + host()))
                .exec()
                .getName();

        DockerSandbox.start(TestSandboxes.settings()).close();

        var left = engine.client()
                .listVolumesCmd()
                .withFilter("name", List.of(orphan))
                .exec()
                .getVolumes();
        assertThat(left == null ? List.of() : left).isEmpty();
    }

    @Test
    void theWorkspaceIsATmpfsLimitedInFilesAndTheHolderIsHardened() throws IOException {
        List<InspectContainerResponse> holders = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutionResult result = python(
                "import os, time\ns = os.statvfs('.')\nprint('inodes', s.f_files, flush=True)\ntime.sleep(1)\n",
                quick().withMaxFiles(500),
                (stream, line) -> holders.addAll(inspectMine(true)));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("inodes 502");
        if (localTransfer()) {
            assertThat(holders).isEmpty();
            return;
        }
        assertThat(holders).isNotEmpty();
        InspectContainerResponse holder = holders.get(0);
        HostConfig host = holder.getHostConfig();
        assertThat(holder.getName()).startsWith("/" + DockerEngine.PREFIX).endsWith("-holder");
        assertThat(holder.getConfig().getUser()).isEqualTo("65534:65534");
        assertThat(host.getNetworkMode()).isEqualTo("none");
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getSecurityOpts()).contains("no-new-privileges");
        assertThat(host.getPidsLimit()).isEqualTo(8L);
    }

    private static List<InspectContainerResponse> inspectMine(boolean holders) {
        return engine
                .client()
                .listContainersCmd()
                .withLabelFilter(Map.of(DockerEngine.OWNER_LABEL, DockerEngine.owner()))
                .exec()
                .stream()
                .filter(c -> java.util.Arrays.stream(c.getNames()).anyMatch(n -> n.endsWith("-holder")) == holders)
                .map(c -> engine.client().inspectContainerCmd(c.getId()).exec())
                .toList();
    }

    @Test
    void removesUnlabelledContainersAndVolumesWithTheSandboxsPrefixAtStartUp() {
        String name = DockerEngine.PREFIX + "unlabelled-" + java.util.UUID.randomUUID();
        engine.client().createVolumeCmd().withName(name).exec();
        String container = engine.client()
                .createContainerCmd(TestSandboxes.settings().image())
                .withName(name)
                .withCmd("true")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec()
                .getId();

        DockerSandbox.start(TestSandboxes.settings()).close();

        assertThat(engine.client()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withIdFilter(List.of(container))
                        .exec())
                .isEmpty();
        var left = engine.client()
                .listVolumesCmd()
                .withFilter("name", List.of(name))
                .exec()
                .getVolumes();
        assertThat(left == null ? List.of() : left).isEmpty();
    }

    @Test
    void aContainerKilledFromOutsideIsTheSandboxsFailureNotTheCodes() throws IOException {
        Files.writeString(workspace.resolve("main.py"), "import time\nprint('started', flush=True)\ntime.sleep(60)\n");
        List<String> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger kills = new java.util.concurrent.atomic.AtomicInteger();
        var killer = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            OutputListener listener = new OutputListener() {
                @Override
                public void onLine(OutputStream stream, String line) {
                    if (line.equals("started")) {
                        killer.submit(() -> killRunningContainersOfOurs(kills));
                    }
                }

                @Override
                public void onStatus(String status) {
                    statuses.add(status);
                }
            };
            assertThatThrownBy(() -> sandbox()
                            .run(ExecutionRequest.builder(workspace, "python3", "main.py")
                                    .limits(quick())
                                    .listener(listener)
                                    .build()))
                    .isInstanceOf(SandboxFailureException.class)
                    .hasMessageStartingWith("the sandbox failed (container killed from outside the sandbox): "
                            + "the run's container was killed (signal")
                    .hasMessageContaining("it failed the same way when run once more")
                    .satisfies(e -> assertThat(((SandboxFailureException) e).kind())
                            .isEqualTo(SandboxFailureException.Kind.CONTAINER_KILLED));
        } finally {
            killer.shutdownNow();
        }
        assertThat(kills).as("the run was tried twice").hasValue(2);
        assertThat(statuses)
                .anyMatch(s -> s.startsWith("the sandbox failed (container killed from outside the sandbox)")
                        && s.contains("running it once more"));
        assertThat(Files.readString(workspace.resolve("main.py"))).contains("time.sleep(60)");
    }

    /** docker kill, as a person or another program would, on the run's container (not the workspace's holder). */
    private static void killRunningContainersOfOurs(java.util.concurrent.atomic.AtomicInteger kills) {
        for (var c : engine.client()
                .listContainersCmd()
                .withLabelFilter(Map.of(DockerEngine.OWNER_LABEL, DockerEngine.owner()))
                .exec()) {
            if (java.util.Arrays.stream(c.getNames()).noneMatch(n -> n.endsWith("-holder"))) {
                engine.client().killContainerCmd(c.getId()).exec();
                kills.incrementAndGet();
            }
        }
    }

    private static String host() {
        String owner = DockerEngine.owner();
        return owner.substring(owner.indexOf('@') + 1);
    }

    @Test
    void sandboxImageHasTheScientificStack() throws IOException {
        ExecutionResult result = python(
                "import numpy, scipy, pandas, sklearn, matplotlib\n"
                        + "import matplotlib.pyplot as plt\nplt.plot([1, 2]); plt.savefig('plot.png')\nprint('stack ok')\n",
                quick());

        assertThat(result.output()).as(result.output()).contains("stack ok");
        assertThat(result.changedFiles()).containsExactly("plot.png");
        assertThat(Files.size(workspace.resolve("plot.png"))).isPositive();
    }

    @Test
    void emptyWorkspaceRuns() {
        ExecutionResult result = sandbox()
                .run(ExecutionRequest.builder(workspace, "echo", "ok")
                        .limits(Limits.defaults())
                        .build());
        assertThat(result.output()).isEqualTo("ok\n");
    }
}
