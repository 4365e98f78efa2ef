package org.mlrcopilot.sandbox.auto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.bwrap.BubblewrapSandbox;
import org.mlrcopilot.sandbox.docker.DockerSandbox;
import org.mlrcopilot.sandbox.process.ProcessSandbox;
import org.mlrcopilot.sandbox.slurm.SlurmSandbox;
import org.mlrcopilot.sandbox.slurm.SlurmSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the backend named by sandbox.backend. {@code auto} = Docker when the engine answers, the
 * image exists and a probe container with the full hardened settings runs; else bubblewrap; else
 * a refusal saying what to install. The plain process backend is never chosen automatically.
 */
public final class SandboxSelector {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxSelector.class);

    /** The chosen sandbox and, for auto, why the stronger backends were passed over. */
    public record Selection(Sandbox sandbox, List<String> notes) {
        public Selection {
            notes = List.copyOf(notes);
        }
    }

    private SandboxSelector() {}

    public static Selection select(String backend, SandboxSettings settings, boolean allowUnsafeProcess) {
        return select(backend, settings, allowUnsafeProcess, null);
    }

    /** With the Slurm settings the slurm backend needs (null when there are none). */
    public static Selection select(
            String backend, SandboxSettings settings, boolean allowUnsafeProcess, SlurmSettings slurm) {
        switch (backend.toLowerCase(Locale.ROOT)) {
            case "slurm":
                if (slurm == null) {
                    throw new SandboxException("the slurm backend needs its settings (sandbox.slurm.*)", false);
                }
                return new Selection(SlurmSandbox.start(settings, slurm), List.of());
            case "docker":
                return new Selection(probed(DockerSandbox.start(settings)), List.of());
            case "bwrap":
                return new Selection(BubblewrapSandbox.start(settings), List.of());
            case "process":
                return new Selection(ProcessSandbox.start(settings, allowUnsafeProcess), List.of());
            case "auto":
                return auto(settings);
            default:
                throw new SandboxException(
                        "unknown sandbox backend '" + backend + "'; use auto, docker, bwrap, slurm or process", false);
        }
    }

    private static Selection auto(SandboxSettings settings) {
        List<String> notes = new ArrayList<>();
        try {
            return new Selection(probed(DockerSandbox.start(settings)), notes);
        } catch (SandboxException e) {
            notes.add("docker: " + e.getMessage());
        }
        try {
            Selection selection = new Selection(BubblewrapSandbox.start(settings), notes);
            LOG.warn(
                    "sandbox: Docker is not usable, falling back to bubblewrap (no cgroup memory limit, no CPU quota): {}",
                    notes.get(0));
            return selection;
        } catch (SandboxException e) {
            notes.add("bwrap: " + e.getMessage());
        }
        throw new SandboxException(
                "no sandbox backend is usable: " + String.join("; ", notes)
                        + ". Install Docker (apt-get install -y docker.io, start dockerd) and build the image, or install "
                        + "bubblewrap; sandbox.allowUnsafeProcess=true with sandbox.backend=process runs code without isolation",
                false);
    }

    /** Runs a trivial command with the full hardened settings; a Docker that cannot is not used. */
    static Sandbox probed(Sandbox sandbox) {
        Path empty = emptyDir();
        try {
            ExecutionResult result = sandbox.run(ExecutionRequest.builder(empty, "/bin/true")
                    .limits(Limits.defaults()
                            .withWallTime(Duration.ofSeconds(60))
                            .withMemoryBytes(64 * Limits.MIB))
                    .build());
            if (!result.succeeded()) {
                throw new SandboxException(
                        "the probe container failed: " + result.summary() + " " + result.output(), false);
            }
            return sandbox;
        } catch (SandboxException e) {
            sandbox.close();
            throw e;
        } finally {
            empty.toFile().delete();
        }
    }

    private static Path emptyDir() {
        try {
            return Files.createTempDirectory("mlr-probe-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
