package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.SANDBOX_ALLOW_UNSAFE_PROCESS;
import static org.mlrcopilot.config.Key.SANDBOX_BACKEND;
import static org.mlrcopilot.config.Key.SANDBOX_CPUS;
import static org.mlrcopilot.config.Key.SANDBOX_FSIZE;
import static org.mlrcopilot.config.Key.SANDBOX_GPUS;
import static org.mlrcopilot.config.Key.SANDBOX_IMAGE;
import static org.mlrcopilot.config.Key.SANDBOX_MAX_FILES;
import static org.mlrcopilot.config.Key.SANDBOX_MAX_WORKSPACE_SIZE;
import static org.mlrcopilot.config.Key.SANDBOX_MEMORY;
import static org.mlrcopilot.config.Key.SANDBOX_NETWORK;
import static org.mlrcopilot.config.Key.SANDBOX_NOFILE;
import static org.mlrcopilot.config.Key.SANDBOX_OUTPUT_LIMIT;
import static org.mlrcopilot.config.Key.SANDBOX_PIDS_LIMIT;
import static org.mlrcopilot.config.Key.SANDBOX_ROOTFS;
import static org.mlrcopilot.config.Key.SANDBOX_RUNTIME;
import static org.mlrcopilot.config.Key.SANDBOX_TIMEOUT;
import static org.mlrcopilot.config.Key.SANDBOX_TMPFS_SIZE;

import java.nio.file.Path;
import java.time.Duration;

/** Limits and isolation for running untrusted code. Sizes are in bytes. */
public record SandboxConfig(
        String backend,
        String image,
        Path rootfs,
        Duration timeout,
        long memoryBytes,
        double cpus,
        int pidsLimit,
        long outputLimitBytes,
        long tmpfsBytes,
        long maxWorkspaceBytes,
        int maxFiles,
        String network,
        boolean allowUnsafeProcess,
        String gpus,
        String runtime,
        long nofile,
        long fsizeBytes,
        SlurmConfig slurm) {

    /** Without Slurm settings (their defaults). */
    public SandboxConfig(
            String backend,
            String image,
            Path rootfs,
            Duration timeout,
            long memoryBytes,
            double cpus,
            int pidsLimit,
            long outputLimitBytes,
            long tmpfsBytes,
            long maxWorkspaceBytes,
            int maxFiles,
            String network,
            boolean allowUnsafeProcess,
            String gpus,
            String runtime,
            long nofile,
            long fsizeBytes) {
        this(
                backend,
                image,
                rootfs,
                timeout,
                memoryBytes,
                cpus,
                pidsLimit,
                outputLimitBytes,
                tmpfsBytes,
                maxWorkspaceBytes,
                maxFiles,
                network,
                allowUnsafeProcess,
                gpus,
                runtime,
                nofile,
                fsizeBytes,
                SlurmConfig.defaults());
    }

    public SandboxConfig {
        SANDBOX_BACKEND.require(backend);
        SANDBOX_IMAGE.require(image);
        SANDBOX_ROOTFS.require(rootfs);
        SANDBOX_TIMEOUT.require(timeout);
        SANDBOX_MEMORY.require(memoryBytes);
        SANDBOX_CPUS.require(cpus);
        SANDBOX_PIDS_LIMIT.require(pidsLimit);
        SANDBOX_OUTPUT_LIMIT.require(outputLimitBytes);
        SANDBOX_TMPFS_SIZE.require(tmpfsBytes);
        SANDBOX_MAX_WORKSPACE_SIZE.require(maxWorkspaceBytes);
        SANDBOX_MAX_FILES.require(maxFiles);
        SANDBOX_NETWORK.require(network);
        SANDBOX_GPUS.require(gpus);
        SANDBOX_RUNTIME.require(runtime);
        SANDBOX_NOFILE.require(nofile);
        SANDBOX_FSIZE.require(fsizeBytes);
        java.util.Objects.requireNonNull(slurm, "slurm");
    }

    static SandboxConfig from(Values v) {
        return new SandboxConfig(
                v.text(SANDBOX_BACKEND),
                v.text(SANDBOX_IMAGE),
                v.path(SANDBOX_ROOTFS),
                v.duration(SANDBOX_TIMEOUT),
                v.number(SANDBOX_MEMORY),
                v.decimal(SANDBOX_CPUS),
                v.integer(SANDBOX_PIDS_LIMIT),
                v.number(SANDBOX_OUTPUT_LIMIT),
                v.number(SANDBOX_TMPFS_SIZE),
                v.number(SANDBOX_MAX_WORKSPACE_SIZE),
                v.integer(SANDBOX_MAX_FILES),
                v.text(SANDBOX_NETWORK),
                v.flag(SANDBOX_ALLOW_UNSAFE_PROCESS),
                v.text(SANDBOX_GPUS),
                v.text(SANDBOX_RUNTIME),
                v.number(SANDBOX_NOFILE),
                v.number(SANDBOX_FSIZE),
                SlurmConfig.from(v));
    }
}
