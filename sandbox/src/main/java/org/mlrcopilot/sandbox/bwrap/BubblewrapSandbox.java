package org.mlrcopilot.sandbox.bwrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mlrcopilot.sandbox.CopyBack;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.HostProcess;
import org.mlrcopilot.sandbox.LocalCopy;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.OutputCapture;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.WorkspaceSnapshot;

/**
 * For machines without Docker: bubblewrap on the sandbox image's root filesystem. Every
 * namespace unshared, root read-only, uid 65534, capabilities dropped, rlimits for memory
 * (address space), processes, files; the whole process tree dies with the run. Weaker than
 * Docker: no cgroup, so memory is an address-space rlimit and there is no CPU quota.
 */
public final class BubblewrapSandbox implements Sandbox {

    private static final Set<Guarantee> GUARANTEES = EnumSet.of(
            Guarantee.READ_ONLY_ROOT,
            Guarantee.NON_ROOT_USER,
            Guarantee.CAPABILITIES_DROPPED,
            Guarantee.NO_NEW_PRIVILEGES,
            Guarantee.MEMORY_RLIMIT,
            Guarantee.PIDS_RLIMIT,
            Guarantee.FILE_RLIMITS,
            Guarantee.NAMESPACES_ISOLATED,
            Guarantee.WORKSPACE_COPY,
            Guarantee.ENVIRONMENT_CLEARED,
            Guarantee.WALL_TIME_LIMIT,
            Guarantee.OUTPUT_CAPPED);

    private final SandboxSettings settings;
    private final Path bwrap;

    private BubblewrapSandbox(SandboxSettings settings, Path bwrap) {
        this.settings = settings;
        this.bwrap = bwrap;
    }

    /** Checks that bwrap, the root filesystem and user namespaces work, with a message saying what to fix. */
    public static BubblewrapSandbox start(SandboxSettings settings) {
        Path bwrap = Host.find("bwrap")
                .orElseThrow(() -> new SandboxException(
                        "bubblewrap is not installed; install it with `apt-get install -y bubblewrap`", false));
        Host.find("prlimit")
                .orElseThrow(() -> new SandboxException(
                        "prlimit is not installed; install it with `apt-get install -y util-linux`", false));
        if (!Files.isExecutable(settings.rootfs().resolve("usr/bin/python3"))
                && !Files.isExecutable(settings.rootfs().resolve("usr/local/bin/python3"))) {
            throw new SandboxException(
                    "the sandbox root filesystem " + settings.rootfs() + " is missing; build it with "
                            + "`./mlr sandbox build-image --offline` (sandbox.rootfs sets where it lives)",
                    false);
        }
        BubblewrapSandbox sandbox = new BubblewrapSandbox(settings, bwrap);
        sandbox.probe();
        return sandbox;
    }

    private void probe() {
        Path empty = Host.emptyDir();
        try {
            ExecutionResult result =
                    run(ExecutionRequest.builder(empty, "/bin/true").build());
            if (!result.succeeded()) {
                throw new SandboxException(
                        "bubblewrap cannot create a sandbox here ("
                                + result.output().strip()
                                + "); it needs user namespaces (sysctl kernel.unprivileged_userns_clone=1)",
                        false);
            }
        } finally {
            Host.delete(empty);
        }
    }

    @Override
    public String backend() {
        return "bwrap";
    }

    @Override
    public Set<Guarantee> guarantees() {
        return guarantees(NetworkPolicy.NONE);
    }

    /** What bubblewrap enforces for a run with that network policy. */
    public static Set<Guarantee> guarantees(NetworkPolicy network) {
        Set<Guarantee> g = EnumSet.copyOf(GUARANTEES);
        if (network == NetworkPolicy.NONE) {
            g.add(Guarantee.NETWORK_ISOLATED);
        }
        return g;
    }

    @Override
    public ExecutionResult run(ExecutionRequest request) {
        settings.checkEnvironment(request);
        int maxFiles = request.limits().maxFiles();
        WorkspaceSnapshot before = WorkspaceSnapshot.of(request.workspace(), settings.maxWorkspaceBytes(), maxFiles);
        try (LocalCopy copy = LocalCopy.bounded(before, maxFiles, settings.maxWorkspaceBytes())) {
            if (Host.isRoot()) {
                copy.chown(BwrapCommand.SANDBOX_UID, BwrapCommand.SANDBOX_UID);
            }
            OutputCapture capture = new OutputCapture(request.limits().outputBytes(), request.listener());
            List<String> command = new ArrayList<>(BwrapCommand.of(bwrap, settings, request, copy.dir()));
            HostProcess.Outcome outcome = HostProcess.run(
                    command,
                    copy.dir(),
                    java.util.Map.of(),
                    request.limits().wallTime(),
                    capture,
                    stop -> copy.watch(maxFiles, before.totalBytes() + settings.maxWorkspaceBytes(), stop));
            CopyBack copyBack = new CopyBack(before, settings.maxWorkspaceBytes(), maxFiles, request.readOnly());
            copy.copyBack(copyBack);
            return outcome.toResult(capture, copyBack, backend(), guarantees(request.network()));
        }
    }
}
