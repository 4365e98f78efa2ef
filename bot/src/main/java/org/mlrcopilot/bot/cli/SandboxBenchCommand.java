package org.mlrcopilot.bot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlrcopilot.bot.sandbox.Sandboxes;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.auto.SandboxSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * `mlr sandbox bench`: per-execution overhead of the sandbox backends for a trivial script,
 * against `docker run --rm` of the same image with the same hardening flags and against the
 * script run directly on the host. Variants are interleaved in every round; medians and ratios.
 */
@Command(name = "bench", description = "Measure per-execution sandbox overhead against docker run --rm and the host.")
final class SandboxBenchCommand implements Callable<Integer> {

    private static final String SCRIPT = "import sys\nprint('ok', sys.version_info[0])\n";

    @ParentCommand
    SandboxCommand sandbox;

    @Option(names = "--runs", defaultValue = "15", description = "Measured rounds (default: 15).")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "Unmeasured rounds first (default: 3).")
    int warmup;

    @Option(names = "--with-bwrap", description = "Also measure the bubblewrap backend.")
    boolean withBwrap;

    @Option(
            names = "--with-slurm",
            description = "Also measure the Slurm backend (and bubblewrap, its anchor): "
                    + "end to end, and the part outside the job (submit, queue, staging, copy back).")
    boolean withSlurm;

    @Override
    public Integer call() throws IOException, InterruptedException {
        MlrConfig config = sandbox.mlr.config().config();
        SandboxSettings settings = Sandboxes.settings(config);
        Limits limits = Sandboxes.limits(config.sandbox());
        Path workspace = Files.createTempDirectory(
                "mlr-bench-",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(workspace.resolve("trivial.py"), SCRIPT);
        List<Variant> variants = variants(settings, limits, workspace);
        try {
            for (int i = 0; i < warmup; i++) {
                for (Variant v : variants) {
                    v.measure();
                }
            }
            for (int i = 0; i < runs; i++) {
                for (Variant v : variants) {
                    v.samples.add(v.measure());
                }
            }
            System.out.println(BenchReport.render(variants, runs, warmup));
            return 0;
        } finally {
            variants.forEach(Variant::close);
            Files.walk(workspace)
                    .sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    private List<Variant> variants(SandboxSettings settings, Limits limits, Path workspace) {
        List<Variant> variants = new ArrayList<>();
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        variants.add(new Variant(
                "host: " + python + " trivial.py",
                null,
                () -> BenchProcesses.time(List.of(python, "trivial.py"), workspace)));
        variants.add(new Variant(
                "docker CLI: docker run --rm (same flags)",
                null,
                () -> BenchProcesses.time(DockerRunFlags.command(settings, limits, workspace), workspace)));
        Sandbox docker = SandboxSelector.select("docker", settings, false).sandbox();
        variants.add(new Variant("DockerSandbox (docker-java)", docker, () -> timed(docker, workspace, limits)));
        if (withBwrap || withSlurm) {
            Sandbox bwrap = SandboxSelector.select("bwrap", settings, false).sandbox();
            variants.add(new Variant("BubblewrapSandbox", bwrap, () -> timed(bwrap, workspace, limits)));
        }
        if (withSlurm) {
            MlrConfig config = sandbox.mlr.config().config();
            Sandbox slurm = Sandboxes.select(config, "slurm").sandbox();
            long[] inside = new long[1];
            variants.add(new Variant(
                    "SlurmSandbox (poll " + config.sandbox().slurm().poll().toMillis() + " ms)", slurm, () -> {
                        long total = timed(slurm, workspace, limits, inside);
                        return total;
                    }));
            variants.add(new Variant("  of which outside the job", null, () -> {
                long total = timed(slurm, workspace, limits, inside);
                return total - inside[0];
            }));
        }
        return variants;
    }

    private static long timed(Sandbox sandbox, Path workspace, Limits limits) {
        return timed(sandbox, workspace, limits, new long[1]);
    }

    /** End-to-end nanoseconds; {@code inside[0]} gets the run's own duration as the backend measured it. */
    private static long timed(Sandbox sandbox, Path workspace, Limits limits, long[] inside) {
        long start = System.nanoTime();
        ExecutionResult result = sandbox.run(ExecutionRequest.builder(workspace, "python3", "trivial.py")
                .limits(limits)
                .build());
        long elapsed = System.nanoTime() - start;
        inside[0] = result.duration().toNanos();
        if (!result.succeeded() || !result.output().startsWith("ok 3")) {
            throw new SandboxException("benchmark run failed: " + result.summary() + " " + result.output(), false);
        }
        return elapsed;
    }

    /** One thing measured: its samples in nanoseconds. */
    static final class Variant {
        final String name;
        final List<Long> samples = new ArrayList<>();
        private final Sandbox owned;
        private final Measurement measurement;

        Variant(String name, Sandbox owned, Measurement measurement) {
            this.name = name;
            this.owned = owned;
            this.measurement = measurement;
        }

        long measure() throws IOException, InterruptedException {
            return measurement.nanos();
        }

        void close() {
            if (owned != null) {
                owned.close();
            }
        }
    }

    @FunctionalInterface
    interface Measurement {
        long nanos() throws IOException, InterruptedException;
    }
}
