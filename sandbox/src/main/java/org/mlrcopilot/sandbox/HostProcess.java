package org.mlrcopilot.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a host process with exactly the given environment, pumps its stdout and stderr into an
 * {@link OutputCapture}, and on timeout kills it together with everything it started.
 */
public final class HostProcess {

    /**
     * Exit code, whether the wall-time limit killed it, how long it ran, and why a workspace watch stopped it (empty
     * when none did).
     */
    public record Outcome(int exitCode, boolean timedOut, Duration duration, String stoppedBy) {

        public Outcome {
            stoppedBy = java.util.Objects.requireNonNullElse(stoppedBy, "");
        }

        /** The run's result; a timed-out run reports 137, as it was killed with SIGKILL. */
        public ExecutionResult toResult(
                OutputCapture capture, CopyBack copyBack, String backend, java.util.Set<Guarantee> guarantees) {
            return new ExecutionResult(
                    timedOut ? 137 : exitCode,
                    timedOut,
                    false,
                    duration,
                    capture.text(),
                    capture.totalBytes(),
                    capture.droppedBytes(),
                    copyBack.changed(),
                    copyBack.refused(),
                    backend,
                    guarantees,
                    stoppedBy.isEmpty() ? copyBack.limitExceeded() : stoppedBy);
        }
    }

    /** Starts a watch of the workspace for a running process; {@code stop} kills it. */
    @FunctionalInterface
    public interface Watching {
        WorkspaceWatch start(Runnable stop);

        static Watching nothing() {
            return stop -> WorkspaceWatch.none();
        }
    }

    private HostProcess() {}

    public static Outcome run(
            List<String> command, Path workingDir, Map<String, String> env, Duration wallTime, OutputCapture capture) {
        return run(command, workingDir, env, wallTime, capture, Watching.nothing());
    }

    /** The same, with a watch of the workspace that may stop the process early (the reason in the outcome). */
    public static Outcome run(
            List<String> command,
            Path workingDir,
            Map<String, String> env,
            Duration wallTime,
            OutputCapture capture,
            Watching watching) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SandboxException("cannot start " + command.get(0) + ": " + e.getMessage(), false, e);
        }
        Thread out = pump(process.getInputStream(), OutputListener.OutputStream.STDOUT, capture);
        Thread err = pump(process.getErrorStream(), OutputListener.OutputStream.STDERR, capture);
        ProcessHandle handle = process.toHandle();
        String stoppedBy;
        boolean timedOut;
        int exit;
        try (WorkspaceWatch watch = watching.start(() -> killTree(handle))) {
            timedOut = !waitFor(process, wallTime);
            if (timedOut) {
                killTree(handle);
            }
            exit = waitFor(process);
            stoppedBy = watch.exceeded();
        }
        join(out);
        join(err);
        capture.finish();
        return new Outcome(
                exit, timedOut && stoppedBy.isEmpty(), Duration.ofNanos(System.nanoTime() - start), stoppedBy);
    }

    private static Thread pump(InputStream in, OutputListener.OutputStream stream, OutputCapture capture) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try (in) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            capture.accept(stream, buffer, 0, n);
                        }
                    } catch (IOException e) {
                        // the process ended or was killed
                    }
                },
                "sandbox-" + stream.name().toLowerCase());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int waitFor(Process process) {
        boolean interrupted = false;
        while (true) {
            try {
                int exit = process.waitFor();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return exit;
            } catch (InterruptedException e) {
                interrupted = true;
                killTree(process.toHandle());
            }
        }
    }

    /** Kills the descendants first (so none is re-parented and missed), then the process. */
    public static void killTree(ProcessHandle handle) {
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
