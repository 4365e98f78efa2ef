package org.mlrcopilot.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the backends are set up (the per-run limits travel in each request).
 *
 * @param image            Docker image tag, e.g. mlr-sandbox:0.1
 * @param rootfs           root filesystem directory for bubblewrap (the offline image's contents)
 * @param tmpfsBytes       size of the writable /tmp
 * @param maxWorkspaceBytes cap on the workspace copied in, and on the files copied back
 * @param nofile           open-files rlimit
 * @param fsizeBytes       largest file the code may write
 * @param gpus             "" for none, "all", or a count
 * @param runtime          Docker runtime, "" for the engine's default, e.g. runsc for gVisor
 * @param outboundNetwork  Docker network mode used when a request asks for outbound network
 * @param secretValues     values that must never reach a sandbox's environment
 */
public record SandboxSettings(
        String image,
        Path rootfs,
        long tmpfsBytes,
        long maxWorkspaceBytes,
        long nofile,
        long fsizeBytes,
        String gpus,
        String runtime,
        String outboundNetwork,
        List<String> secretValues) {

    public SandboxSettings {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(rootfs, "rootfs");
        gpus = Objects.requireNonNullElse(gpus, "").trim();
        runtime = Objects.requireNonNullElse(runtime, "").trim();
        outboundNetwork = Objects.requireNonNullElse(outboundNetwork, "bridge");
        secretValues = secretValues == null
                ? List.of()
                : secretValues.stream().filter(s -> s != null && !s.isEmpty()).toList();
        if (tmpfsBytes <= 0 || maxWorkspaceBytes <= 0 || nofile <= 0 || fsizeBytes <= 0) {
            throw new IllegalArgumentException("sandbox sizes must be positive");
        }
        if (!gpus.isEmpty() && !gpus.equals("all") && !gpus.matches("[1-9][0-9]*")) {
            throw new IllegalArgumentException("gpus must be empty, all, or a count: " + gpus);
        }
        if ("none".equals(outboundNetwork)) {
            throw new IllegalArgumentException("the outbound network mode cannot be none");
        }
    }

    public static SandboxSettings defaults() {
        return new SandboxSettings(
                "mlr-sandbox:0.1",
                defaultRootfs(),
                256 * Limits.MIB,
                512 * Limits.MIB,
                1024,
                256 * Limits.MIB,
                "",
                "",
                "bridge",
                List.of());
    }

    /** Where the offline recipe puts the root filesystem: outside any home, so uid 65534 can read it. */
    public static Path defaultRootfs() {
        return Path.of("/var/lib/mlr-copilot/sandbox-rootfs");
    }

    public SandboxSettings withImage(String value) {
        return new SandboxSettings(
                value,
                rootfs,
                tmpfsBytes,
                maxWorkspaceBytes,
                nofile,
                fsizeBytes,
                gpus,
                runtime,
                outboundNetwork,
                secretValues);
    }

    public SandboxSettings withRootfs(Path value) {
        return new SandboxSettings(
                image,
                value,
                tmpfsBytes,
                maxWorkspaceBytes,
                nofile,
                fsizeBytes,
                gpus,
                runtime,
                outboundNetwork,
                secretValues);
    }

    public SandboxSettings withSecretValues(List<String> values) {
        return new SandboxSettings(
                image,
                rootfs,
                tmpfsBytes,
                maxWorkspaceBytes,
                nofile,
                fsizeBytes,
                gpus,
                runtime,
                outboundNetwork,
                values);
    }

    /** Refuses a request whose environment carries a configured secret. */
    public void checkEnvironment(ExecutionRequest request) {
        request.env().forEach((name, value) -> {
            for (String secret : secretValues) {
                if (value.contains(secret)) {
                    throw new SandboxException(
                            "refused: environment variable " + name
                                    + " carries a configured secret; secrets never enter the sandbox",
                            false);
                }
            }
        });
    }
}
