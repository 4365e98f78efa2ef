package org.mlrcopilot.sandbox.bwrap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.SandboxEnvironment;
import org.mlrcopilot.sandbox.SandboxSettings;

/**
 * The command line: [setpriv to uid 65534 when we are root] prlimit ... bwrap ... -- command.
 * Dropping to 65534 on the host makes the process rlimit count only the sandbox's processes.
 * Public for backends that run the same confinement elsewhere (a Slurm job on a compute node).
 */
public final class BwrapCommand {

    /** The user sandboxed code runs as (nobody). */
    public static final int SANDBOX_UID = 65534;

    private BwrapCommand() {}

    /** The command line with the bwrap found on this machine's PATH. */
    public static List<String> of(SandboxSettings settings, ExecutionRequest request, Path workspaceCopy) {
        Path bwrap = Host.find("bwrap")
                .orElseThrow(() -> new org.mlrcopilot.sandbox.SandboxException(
                        "bubblewrap is not installed; install it with `apt-get install -y bubblewrap`", false));
        return of(bwrap, settings, request, workspaceCopy);
    }

    static List<String> of(Path bwrap, SandboxSettings settings, ExecutionRequest request, Path workspaceCopy) {
        List<String> argv = new ArrayList<>();
        if (Host.isRoot()) {
            argv.addAll(List.of("setpriv", "--reuid=" + SANDBOX_UID, "--regid=" + SANDBOX_UID, "--clear-groups", "--"));
        }
        argv.addAll(rlimits(settings, request.limits()));
        argv.add(bwrap.toString());
        argv.addAll(namespaces(request.network()));
        argv.addAll(List.of(
                "--ro-bind",
                settings.rootfs().toString(),
                "/",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--size",
                String.valueOf(settings.tmpfsBytes()),
                "--tmpfs",
                "/tmp",
                "--bind",
                workspaceCopy.toString(),
                "/workspace",
                "--chdir",
                "/workspace",
                "--cap-drop",
                "ALL",
                "--uid",
                String.valueOf(SANDBOX_UID),
                "--gid",
                String.valueOf(SANDBOX_UID),
                "--hostname",
                "sandbox",
                "--clearenv"));
        SandboxEnvironment.of(request).forEach((k, v) -> argv.addAll(List.of("--setenv", k, v)));
        argv.add("--");
        argv.addAll(request.command());
        return argv;
    }

    private static List<String> namespaces(NetworkPolicy network) {
        List<String> ns = new ArrayList<>(List.of(
                "--unshare-user",
                "--unshare-ipc",
                "--unshare-pid",
                "--unshare-uts",
                "--unshare-cgroup-try",
                "--disable-userns",
                "--die-with-parent",
                "--new-session"));
        if (network == NetworkPolicy.NONE) {
            ns.add("--unshare-net");
        }
        return ns;
    }

    private static List<String> rlimits(SandboxSettings settings, Limits limits) {
        long nproc = limits.pids() + (Host.isRoot() ? 0 : currentUserTasks());
        return List.of(
                "prlimit",
                "--as=" + limits.memoryBytes(),
                "--nproc=" + nproc,
                "--nofile=" + settings.nofile(),
                "--fsize=" + settings.fsizeBytes(),
                "--core=0",
                "--");
    }

    /** Without root the process rlimit counts all of the service user's tasks, so leave room for them. */
    private static long currentUserTasks() {
        return ProcessHandle.allProcesses()
                        .filter(p -> p.info()
                                .user()
                                .map(u -> u.equals(System.getProperty("user.name")))
                                .orElse(false))
                        .count()
                + 256;
    }
}
