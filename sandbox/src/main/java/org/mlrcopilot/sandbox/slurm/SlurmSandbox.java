package org.mlrcopilot.sandbox.slurm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mlrcopilot.sandbox.CopyBack;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.LocalCopy;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.OutputCapture;
import org.mlrcopilot.sandbox.OutputListener;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.WorkspaceSnapshot;
import org.mlrcopilot.sandbox.WorkspaceWatch;
import org.mlrcopilot.sandbox.bwrap.BubblewrapSandbox;
import org.mlrcopilot.sandbox.bwrap.BwrapCommand;
import org.mlrcopilot.sandbox.bwrap.Host;

/**
 * Experiments on a Slurm cluster: each execution is one batch job. The workspace is copied to the shared directory,
 * the job runs the command there inside the same confinement as the bubblewrap backend (or the site's wrapper), its
 * output is read live from the job's output file and again after it ends, and the regular files it changed come
 * back under the same rules as on one machine. Limits become {@code --time}, {@code --mem},
 * {@code --cpus-per-task} and {@code --gres=gpu:N}; the job's environment is not the service's
 * ({@code --export=NONE}, then the confinement clears it). The wall-time limit counts from the job's start; the job
 * is cancelled when it passes, when the run is interrupted and when the service closes. A job lost to a node failure
 * or preemption is submitted once more.
 */
public final class SlurmSandbox implements Sandbox {

    private static final Set<Guarantee> WRAPPED = EnumSet.of(
            Guarantee.WORKSPACE_COPY,
            Guarantee.ENVIRONMENT_CLEARED,
            Guarantee.WALL_TIME_LIMIT,
            Guarantee.OUTPUT_CAPPED);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(5);
    private static final Duration CANCEL_PATIENCE = Duration.ofSeconds(60);

    private final SandboxSettings sandbox;
    private final SlurmSettings slurm;
    private final SlurmClient commands;
    private final String gpus;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    private SlurmSandbox(SandboxSettings sandbox, SlurmSettings slurm, SlurmClient commands) {
        this.sandbox = sandbox;
        this.slurm = slurm;
        this.commands = commands;
        this.gpus = sandbox.gpus();
    }

    /**
     * Checks that Slurm answers, the shared directory is writable and the confinement is there; cancels the jobs a
     * previous life of the service left behind (by their label).
     */
    public static SlurmSandbox start(SandboxSettings sandbox, SlurmSettings slurm) {
        return start(sandbox, slurm, slurm.rest() == null ? new SlurmCommands() : new SlurmRest(slurm.rest()));
    }

    static SlurmSandbox start(SandboxSettings sandbox, SlurmSettings slurm, SlurmClient commands) {
        commands.problem().ifPresent(problem -> {
            throw new SandboxException("Slurm does not answer through " + commands.describe() + ": " + problem, false);
        });
        if (sandbox.gpus().equals("all")) {
            throw new SandboxException(
                    "sandbox.gpus=all means nothing to Slurm; give the number of GPUs a job asks "
                            + "for (--gres=gpu:N)",
                    false);
        }
        try {
            Files.createDirectories(slurm.sharedDir().resolve("jobs"));
            Path probe = Files.createTempFile(slurm.sharedDir().resolve("jobs"), "probe-", "");
            Files.delete(probe);
        } catch (IOException e) {
            throw new SandboxException(
                    "the shared directory " + slurm.sharedDir() + " is not writable (" + e.getMessage()
                            + "); set sandbox.slurm.sharedDir to a directory every node sees",
                    false,
                    e);
        }
        if (slurm.bubblewrap() && !Files.isExecutable(sandbox.rootfs().resolve("usr/bin/python3"))) {
            throw new SandboxException(
                    "the sandbox root filesystem " + sandbox.rootfs() + " is missing; build it with "
                            + "`./mlr sandbox build-image --offline` on a path the nodes see (sandbox.rootfs)",
                    false);
        }
        SlurmSandbox backend = new SlurmSandbox(sandbox, slurm, commands);
        backend.cancelLeftovers();
        return backend;
    }

    /** The jobs a previous life of this service left queued or running: cancelled. */
    int cancelLeftovers() {
        List<String> left = commands.jobsLabelled(slurm.label());
        left.forEach(commands::cancel);
        return left.size();
    }

    @Override
    public String backend() {
        return "slurm";
    }

    @Override
    public Set<Guarantee> guarantees() {
        return guarantees(NetworkPolicy.NONE);
    }

    private Set<Guarantee> guarantees(NetworkPolicy network) {
        return slurm.bubblewrap() ? BubblewrapSandbox.guarantees(network) : EnumSet.copyOf(WRAPPED);
    }

    /** The cluster as this backend sees it: one line per partition (nodes, idle, CPUs, memory, GPUs). */
    public List<String> status() {
        List<String> out = new ArrayList<>();
        for (String line : commands.partitions()) {
            String[] f = (line + "||||||").split("\\|", -1);
            out.add(String.format(
                    Locale.ROOT,
                    "%s (%s): %s nodes %s, %s CPUs and %s MB each%s",
                    f[0],
                    f[1],
                    f[2],
                    f[3],
                    f[4],
                    f[5],
                    f[6].isBlank() || f[6].equals("(null)") ? "" : ", " + f[6]));
        }
        return out;
    }

    @Override
    public ExecutionResult run(ExecutionRequest request) {
        sandbox.checkEnvironment(request);
        WorkspaceSnapshot before = WorkspaceSnapshot.of(
                request.workspace(),
                sandbox.maxWorkspaceBytes(),
                request.limits().maxFiles());
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = attempt(request, before);
            if (outcome.result != null) {
                return outcome.result;
            }
            if (attempt >= 2) {
                throw new SandboxException(
                        "the Slurm job was lost twice (" + outcome.lost + "); the cluster, not the "
                                + "code, failed: ask its administrator, or try again later",
                        true);
            }
            request.listener().onStatus("the Slurm job was lost (" + outcome.lost + "); submitting it once more");
        }
    }

    /** One job: a result, or why the cluster lost it. */
    private record Attempt(ExecutionResult result, String lost) {}

    private Attempt attempt(ExecutionRequest request, WorkspaceSnapshot before) {
        Path jobDir = jobDir();
        try (LocalCopy copy = LocalCopy.of(before, jobDir)) {
            if (Host.isRoot()) {
                copy.chown(BwrapCommand.SANDBOX_UID, BwrapCommand.SANDBOX_UID);
            }
            Path script = JobScript.write(jobDir, copy.dir(), sandbox, slurm, request);
            String id = commands.submit(job(request, jobDir), script);
            active.add(id);
            try {
                return watch(id, jobDir, copy, before, request);
            } catch (RuntimeException e) {
                cancelQuietly(id);
                throw e;
            } finally {
                active.remove(id);
            }
        } finally {
            Host.delete(jobDir);
        }
    }

    private ExecutionResult result(Watch w, OutputCapture capture, CopyBack copyBack, NetworkPolicy network) {
        return new ExecutionResult(
                w.exitCode,
                w.timedOut,
                w.oom,
                w.duration,
                capture.text(),
                capture.totalBytes(),
                capture.droppedBytes(),
                copyBack.changed(),
                copyBack.refused(),
                backend(),
                guarantees(network),
                w.stoppedBy.isEmpty() ? copyBack.limitExceeded() : w.stoppedBy);
    }

    /** What happened to a job, as far as a run is concerned. */
    private static final class Watch {
        int exitCode;
        boolean timedOut;
        boolean oom;
        Duration duration = Duration.ZERO;
        String stoppedBy = "";
    }

    private Attempt watch(String id, Path jobDir, LocalCopy copy, WorkspaceSnapshot before, ExecutionRequest request) {
        OutputCapture capture = new OutputCapture(request.limits().outputBytes(), request.listener());
        OutputTail tail = new OutputTail(jobDir.resolve(JobScript.OUTPUT), capture);
        long submitted = System.nanoTime();
        long started = 0;
        long lastStatus = 0;
        boolean cancelledByUs = false;
        boolean timedOut = false;
        boolean interrupted = false;
        long cancelledAt = 0;
        String stoppedBy = "";
        long maxBytes = before.totalBytes() + sandbox.maxWorkspaceBytes();
        SlurmClient.JobInfo info;
        while (true) {
            if (!interrupted) {
                interrupted = pause();
            }
            info = commands.job(id).orElse(new SlurmClient.JobInfo(JobState.UNKNOWN, "", "", ""));
            long now = System.nanoTime();
            boolean reasoned = !info.reason().isBlank() && !info.reason().equals("None");
            if (info.state() == JobState.PENDING
                    && now - lastStatus >= STATUS_EVERY.toNanos()
                    && (reasoned || now - submitted >= STATUS_EVERY.toNanos())) {
                request.listener()
                        .onStatus("queued on Slurm (" + (reasoned ? info.reason() : "waiting") + ") for "
                                + human(Duration.ofNanos(now - submitted)));
                lastStatus = now;
            }
            if (started == 0
                    && (info.state() == JobState.RUNNING
                            || info.state() == JobState.COMPLETING
                            || info.state().finished())) {
                started = now;
                if (lastStatus != 0) {
                    request.listener()
                            .onStatus("running on Slurm" + (info.nodes().isBlank() ? "" : " (" + info.nodes() + ")")
                                    + " after " + human(Duration.ofNanos(now - submitted))
                                    + " in the queue");
                }
            }
            tail.read();
            if (info.state().finished()
                    || (info.state() == JobState.UNKNOWN && Files.exists(jobDir.resolve(JobScript.EXIT)))) {
                break;
            }
            boolean overTime =
                    started != 0 && now - started > request.limits().wallTime().toNanos();
            if (!cancelledByUs && started != 0 && !overTime && !interrupted) {
                // the job's copy is on the shared directory, which no tmpfs bounds: it is counted at every poll
                stoppedBy = WorkspaceWatch.check(copy.dir(), request.limits().maxFiles(), maxBytes);
            }
            if (!cancelledByUs && (overTime || interrupted || !stoppedBy.isEmpty())) {
                commands.cancel(id);
                cancelledByUs = true;
                timedOut = overTime;
                cancelledAt = now;
            }
            if (cancelledByUs && now - cancelledAt > CANCEL_PATIENCE.toNanos()) {
                break;
            }
        }
        if (info.state().lostByTheCluster() && !cancelledByUs) {
            return new Attempt(null, info.state().name() + (info.nodes().isBlank() ? "" : " on " + info.nodes()));
        }
        if (info.state() == JobState.CANCELLED && !cancelledByUs) {
            throw new SandboxException(
                    "the Slurm job " + id + " was cancelled outside the service (scancel by a person "
                            + "or an administrator); the run stops here",
                    false);
        }
        tail.read();
        capture.finish();
        Watch w = new Watch();
        w.duration = Duration.ofNanos(System.nanoTime() - (started == 0 ? submitted : started));
        w.timedOut = timedOut || info.state() == JobState.TIMEOUT;
        w.oom = info.state() == JobState.OUT_OF_MEMORY;
        w.exitCode = w.timedOut || w.oom || cancelledByUs ? 137 : exitCode(jobDir, info);
        w.stoppedBy = stoppedBy;
        CopyBack copyBack = new CopyBack(
                before, sandbox.maxWorkspaceBytes(), request.limits().maxFiles(), request.readOnly());
        copy.copyBack(copyBack);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Attempt(result(w, capture, copyBack, request.network()), "");
    }

    /** The command's exit code: the job's own record, else what Slurm says ("3:0", or "0:9" for a signal). */
    private static int exitCode(Path jobDir, SlurmClient.JobInfo info) {
        try {
            return Integer.parseInt(
                    Files.readString(jobDir.resolve(JobScript.EXIT)).strip());
        } catch (IOException | NumberFormatException e) {
            String[] parts = info.exitCode().split(":");
            try {
                int code = Integer.parseInt(parts[0]);
                int signal = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                return signal > 0 ? 128 + signal : code;
            } catch (NumberFormatException bad) {
                return 1;
            }
        }
    }

    private SlurmClient.JobRequest job(ExecutionRequest request, Path jobDir) {
        long wallSeconds = request.limits().wallTime().toSeconds();
        long minutes = Math.max(1, (wallSeconds + 59) / 60) + 1;
        return new SlurmClient.JobRequest(
                "mlr-sandbox",
                slurm.label(),
                minutes,
                Math.max(16, (request.limits().memoryBytes() + (1 << 20) - 1) >> 20),
                Math.max(1, (int) Math.ceil(request.limits().cpus())),
                gpus,
                slurm.partition(),
                slurm.account(),
                slurm.qos(),
                jobDir);
    }

    /** Which way Slurm is reached. */
    public String reachedThrough() {
        return commands.describe();
    }

    private Path jobDir() {
        try {
            Path dir =
                    slurm.sharedDir().resolve("jobs").resolve(UUID.randomUUID().toString());
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new SandboxException(
                    "cannot create a job directory in " + slurm.sharedDir() + ": " + e.getMessage(), true, e);
        }
    }

    /** Sleeps one poll interval; true when the thread was interrupted (the run is being stopped). */
    private boolean pause() {
        try {
            Thread.sleep(slurm.poll().toMillis());
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s < 60
                ? s + "s"
                : s < 3600
                        ? (s / 60) + "m" + String.format("%02d", s % 60) + "s"
                        : (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
    }

    /** Cancels a job whose watch failed (Slurm unreachable, the thread interrupted mid-call), best effort. */
    private void cancelQuietly(String id) {
        boolean interrupted = Thread.interrupted();
        try {
            commands.cancel(id);
        } catch (SandboxException e) {
            // the job's time limit ends it anyway
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Cancels the jobs still running: the service is stopping. */
    @Override
    public void close() {
        for (String id : List.copyOf(active)) {
            try {
                commands.cancel(id);
            } catch (SandboxException e) {
                // best effort on the way out
            }
        }
    }

    /** Reads what the job appended to its output file since the last read. */
    private static final class OutputTail {
        private final Path file;
        private final OutputCapture capture;
        private long offset;

        OutputTail(Path file, OutputCapture capture) {
            this.file = file;
            this.capture = capture;
        }

        void read() {
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                in.seek(offset);
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    capture.accept(OutputListener.OutputStream.STDOUT, buffer, 0, n);
                    offset += n;
                }
            } catch (IOException e) {
                // not there yet, or shared storage lagging: read again at the next poll
            }
        }
    }
}
