package org.mlrcopilot.sandbox.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.sandbox.ContainmentContract;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.OutputListener;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.TestSandboxes;

/**
 * The Slurm backend on a real single-node cluster (CI starts one with .ci/slurm.sh): the containment contract of the
 * other backends, and what is Slurm's own: the job's name, comment and limits as the scheduler sees them, a queued
 * job's pending reason reported while it waits, cancellation when the run is interrupted, jobs left by a previous
 * life of the service cancelled at start-up, and a job lost to a node failure submitted once more.
 */
class SlurmSandboxIT extends ContainmentContract {

    private static final Path SHARED = Path.of("/var/lib/mlr-copilot/slurm-test");
    private static final String LABEL =
            "mlr-copilot-test:" + UUID.randomUUID().toString().substring(0, 8);
    private static SlurmSandbox sandbox;
    private static final SlurmCommands SLURM = new SlurmCommands();

    @BeforeAll
    static void start() {
        sandbox = TestSandboxes.start("slurm", () -> SlurmSandbox.start(TestSandboxes.settings(), settings()));
    }

    static SlurmSettings settings() {
        return new SlurmSettings(SHARED, "", "", "", "bwrap", Duration.ofMillis(200), LABEL);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Override
    protected Sandbox sandbox() {
        return sandbox;
    }

    /** No job with the label queued or running, no job directory left on the shared directory. */
    static void assertNoJobLeft(SlurmClient slurm, String label, Path shared) {
        assertThat(slurm.jobsLabelled(label))
                .as("jobs of ours still queued or running")
                .isEmpty();
        try (Stream<Path> jobs = Files.list(shared.resolve("jobs"))) {
            assertThat(jobs.toList())
                    .as("job directories left on the shared directory")
                    .isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    protected void assertNothingLeftBehind() {
        assertNoJobLeft(SLURM, LABEL, SHARED);
        List<String> alive = ProcessHandle.allProcesses()
                .filter(p -> p.info().user().map("nobody"::equals).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> !c.isBlank()).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
        assertThat(alive).as("live processes of uid 65534 after the run").isEmpty();
    }

    @Test
    void theSchedulerSeesOurLabelAndTheLimits() throws Exception {
        AtomicReference<ExecutionResult> result = new AtomicReference<>();
        Thread run = new Thread(() -> result.set(sandbox.run(ExecutionRequest.builder(workspace, "sleep", "4")
                .limits(quick().withWallTime(Duration.ofSeconds(90))
                        .withMemoryBytes(300L << 20)
                        .withCpus(1.5))
                .build())));
        run.start();
        String line = await().atMost(Duration.ofSeconds(30)).until(() -> squeue("%j|%k|%l|%m|%C"), l -> !l.isBlank());
        run.join(60_000);

        assertThat(line).isEqualTo("mlr-sandbox|" + LABEL + "|3:00|300M|2");
        assertThat(result.get().exitCode()).isZero();
        assertThat(result.get().backend()).isEqualTo("slurm");
        assertThat(result.get().guarantees())
                .contains(
                        Guarantee.NETWORK_ISOLATED,
                        Guarantee.NON_ROOT_USER,
                        Guarantee.WORKSPACE_COPY,
                        Guarantee.WALL_TIME_LIMIT);
    }

    @Test
    void aQueuedJobSaysWhyItWaitsAndRunsWhenTheClusterFrees() throws Exception {
        String blocker = submit("--cpus-per-task=" + cpus(), "--time=2", "--wrap=sleep 120");
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> state(blocker).equals("RUNNING"));
            List<String> statuses = new CopyOnWriteArrayList<>();
            AtomicReference<ExecutionResult> result = new AtomicReference<>();
            Thread run = new Thread(() -> result.set(sandbox.run(ExecutionRequest.builder(workspace, "echo", "ran")
                    .limits(quick())
                    .listener(new OutputListener() {
                        @Override
                        public void onLine(OutputStream stream, String line) {}

                        @Override
                        public void onStatus(String status) {
                            statuses.add(status);
                        }
                    })
                    .build())));
            run.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !statuses.isEmpty());
            assertThat(statuses.get(0)).matches("queued on Slurm \\((Resources|Priority)\\) for \\d+s");
            SLURM.cancel(blocker);
            run.join(60_000);
            assertThat(result.get().output()).isEqualTo("ran\n");
        } finally {
            SLURM.cancel(blocker);
        }
    }

    @Test
    void anInterruptedRunCancelsItsJob() throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                outcome.set(sandbox.run(ExecutionRequest.builder(workspace, "sleep", "300")
                        .limits(quick().withWallTime(Duration.ofMinutes(10)))
                        .build()));
            } catch (SandboxException e) {
                outcome.set(e);
            }
        });
        run.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> squeue("%T").equals("RUNNING"));
        run.interrupt();
        run.join(90_000);

        assertThat(run.isAlive()).isFalse();
        assertThat(outcome.get())
                .as("a failed result, or the sandbox saying it was interrupted")
                .satisfiesAnyOf(
                        o -> assertThat(o)
                                .isInstanceOfSatisfying(
                                        ExecutionResult.class,
                                        r -> assertThat(r.succeeded()).isFalse()),
                        o -> assertThat(o).isInstanceOf(SandboxException.class));
        assertThat(squeue("%T")).as("no job of ours left").isEmpty();
    }

    @Test
    void jobsLeftByAPreviousLifeAreCancelledAtStartUp() throws Exception {
        String left = submit("--comment=" + LABEL, "--time=5", "--wrap=sleep 300");
        String someoneElses = submit("--comment=another-service", "--time=5", "--wrap=sleep 300");
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !state(left).isEmpty());
            SlurmSandbox again = SlurmSandbox.start(TestSandboxes.settings(), settings());
            again.close();

            await().atMost(Duration.ofSeconds(20)).until(() -> state(left).startsWith("CANCELLED"));
            assertThat(state(someoneElses)).isIn("PENDING", "RUNNING");
        } finally {
            SLURM.cancel(left);
            SLURM.cancel(someoneElses);
        }
    }

    @Test
    void aJobLostToANodeFailureIsSubmittedOnceMore() throws Exception {
        Files.writeString(
                workspace.resolve("count.py"),
                "import os\nn = int(open('runs').read()) + 1 "
                        + "if os.path.exists('runs') else 1\nopen('runs', 'w').write(str(n))\nimport time\ntime.sleep(6)\n"
                        + "print('done')\n");
        List<String> statuses = new CopyOnWriteArrayList<>();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                outcome.set(sandbox.run(ExecutionRequest.builder(workspace, "python3", "count.py")
                        .limits(quick().withWallTime(Duration.ofSeconds(60)))
                        .listener(new OutputListener() {
                            @Override
                            public void onLine(OutputStream stream, String line) {}

                            @Override
                            public void onStatus(String status) {
                                statuses.add(status);
                            }
                        })
                        .build()));
            } catch (SandboxException e) {
                outcome.set(e);
            }
        });
        run.start();
        String node = hostname();
        await().atMost(Duration.ofSeconds(30)).until(() -> squeue("%T").equals("RUNNING"));
        try {
            scontrol("update", "NodeName=" + node, "State=DOWN", "Reason=mlr-test");
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses.stream().anyMatch(t -> t.contains("lost")));
        } finally {
            scontrol("update", "NodeName=" + node, "State=RESUME");
        }
        run.join(120_000);

        assertThat(statuses).anySatisfy(t -> assertThat(t).contains("NODE_FAIL").contains("once more"));
        assertThat(outcome.get()).isInstanceOf(ExecutionResult.class);
        assertThat(((ExecutionResult) outcome.get()).output()).isEqualTo("done\n");
    }

    @Test
    void aWrapperOtherThanBubblewrapRunsTheCommandWithOnlyTheRequestsEnvironment() throws Exception {
        SlurmSandbox wrapped = SlurmSandbox.start(
                TestSandboxes.settings(),
                new SlurmSettings(
                        SHARED, "", "", "", "/usr/bin/env --chdir={workspace}", Duration.ofMillis(200), LABEL + "-w"));
        ExecutionResult result = wrapped.run(ExecutionRequest.builder(workspace, "sh", "-c", "env; pwd")
                .env("VISIBLE", "yes")
                .limits(quick())
                .build());

        assertThat(result.output())
                .contains("VISIBLE=yes")
                .contains("PYTHONUNBUFFERED=1")
                .doesNotContain("SLURM_JOB_ID")
                .contains("/ws-");
        assertThat(result.guarantees())
                .containsExactlyInAnyOrder(
                        Guarantee.WORKSPACE_COPY,
                        Guarantee.ENVIRONMENT_CLEARED,
                        Guarantee.WALL_TIME_LIMIT,
                        Guarantee.OUTPUT_CAPPED);
    }

    @Test
    void refusesToStartWithoutAWritableSharedDirectory() {
        assertThatThrownBy(() -> SlurmSandbox.start(
                        TestSandboxes.settings(),
                        new SlurmSettings(
                                Path.of("/proc/mlr-nowhere"), "", "", "", "bwrap", Duration.ofMillis(200), LABEL)))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("sandbox.slurm.sharedDir");
    }

    private static String squeue(String format) {
        return run("squeue", "-h", "-u", System.getProperty("user.name"), "-o", "%k|" + format)
                .lines()
                .filter(l -> l.startsWith(LABEL + "|"))
                .map(l -> l.substring(LABEL.length() + 1))
                .findFirst()
                .orElse("");
    }

    private static String submit(String... options) {
        List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable", "--output=/dev/null"));
        argv.addAll(List.of(options));
        return run(argv.toArray(String[]::new)).strip();
    }

    private static String state(String id) {
        return run("squeue", "-h", "-t", "all", "-j", id, "-o", "%T").strip();
    }

    private static int cpus() {
        return Integer.parseInt(
                run("sinfo", "-h", "-o", "%c").strip().lines().findFirst().orElse("1"));
    }

    private static String hostname() {
        return run("hostname", "-s").strip();
    }

    private static void scontrol(String... args) {
        List<String> argv = new ArrayList<>(List.of("scontrol"));
        argv.addAll(List.of(args));
        run(argv.toArray(String[]::new));
    }

    private static String run(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
