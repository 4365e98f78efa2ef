package org.mlrcopilot.sandbox.process;

import java.util.EnumSet;
import java.util.Set;
import org.mlrcopilot.sandbox.CopyBack;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.HostProcess;
import org.mlrcopilot.sandbox.LocalCopy;
import org.mlrcopilot.sandbox.OutputCapture;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxEnvironment;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.WorkspaceSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain host process on a copy of the workspace: no isolation beyond a cleared environment,
 * the wall-time limit and the output cap. Only when sandbox.allowUnsafeProcess=true, and it
 * warns on every run.
 */
public final class ProcessSandbox implements Sandbox {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessSandbox.class);
    /**
     * Not ENVIRONMENT_CLEARED: the child starts from an empty environment, but it runs as the service's user beside
     * it and can read the service's own (/proc/&lt;pid&gt;/environ, with its keys), so nothing about the
     * environment is guaranteed.
     */
    private static final Set<Guarantee> GUARANTEES =
            EnumSet.of(Guarantee.WORKSPACE_COPY, Guarantee.WALL_TIME_LIMIT, Guarantee.OUTPUT_CAPPED);

    private final SandboxSettings settings;

    private ProcessSandbox(SandboxSettings settings) {
        this.settings = settings;
    }

    public static ProcessSandbox start(SandboxSettings settings, boolean allowUnsafeProcess) {
        if (!allowUnsafeProcess) {
            throw new SandboxException(
                    "the process backend runs untrusted code without isolation; "
                            + "it is only used when sandbox.allowUnsafeProcess=true",
                    false);
        }
        LOG.warn("sandbox backend 'process': untrusted code will run as this user with NO isolation");
        return new ProcessSandbox(settings);
    }

    @Override
    public String backend() {
        return "process";
    }

    @Override
    public Set<Guarantee> guarantees() {
        return Set.copyOf(GUARANTEES);
    }

    @Override
    public ExecutionResult run(ExecutionRequest request) {
        LOG.warn(
                "running {} WITHOUT isolation (sandbox.backend=process)",
                request.command().get(0));
        settings.checkEnvironment(request);
        int maxFiles = request.limits().maxFiles();
        WorkspaceSnapshot before = WorkspaceSnapshot.of(request.workspace(), settings.maxWorkspaceBytes(), maxFiles);
        try (LocalCopy copy = LocalCopy.bounded(before, maxFiles, settings.maxWorkspaceBytes())) {
            OutputCapture capture = new OutputCapture(request.limits().outputBytes(), request.listener());
            var env = new java.util.LinkedHashMap<>(SandboxEnvironment.of(request));
            env.put("HOME", copy.dir().toString());
            env.put("MPLCONFIGDIR", copy.dir().resolve(".matplotlib").toString());
            HostProcess.Outcome outcome = HostProcess.run(
                    request.command(),
                    copy.dir(),
                    env,
                    request.limits().wallTime(),
                    capture,
                    stop -> copy.watch(maxFiles, before.totalBytes() + settings.maxWorkspaceBytes(), stop));
            CopyBack copyBack = new CopyBack(before, settings.maxWorkspaceBytes(), maxFiles, request.readOnly());
            copy.copyBack(copyBack);
            return outcome.toResult(capture, copyBack, backend(), GUARANTEES);
        }
    }
}
