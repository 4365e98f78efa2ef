package org.mlrcopilot.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What happened in one execution.
 *
 * @param exitCode      the command's exit code; 128 + signal when killed (137 for SIGKILL)
 * @param timedOut      killed because the wall-time limit passed
 * @param oomKilled     killed by the kernel for using more memory than allowed
 * @param duration      wall time from start to exit
 * @param output        stdout and stderr as they interleaved, at most the output cap
 * @param outputBytes   bytes the command wrote in all
 * @param droppedBytes  bytes not kept in {@code output} because of the cap
 * @param changedFiles  workspace-relative paths of new or changed regular files copied back
 * @param refusedFiles  workspace-relative paths not copied back (symlinks, special files, over the size cap)
 * @param backend       docker, bwrap or process
 * @param guarantees    the protections in force for this run
 * @param limitExceeded which limit of the workspace the code went past, in words ("the code left more than 1000
 *                      files ..."), empty when none; such a run did not succeed
 */
public record ExecutionResult(
        int exitCode,
        boolean timedOut,
        boolean oomKilled,
        Duration duration,
        String output,
        long outputBytes,
        long droppedBytes,
        List<String> changedFiles,
        List<String> refusedFiles,
        String backend,
        Set<Guarantee> guarantees,
        String limitExceeded) {

    public ExecutionResult {
        Objects.requireNonNull(duration, "duration");
        output = Objects.requireNonNullElse(output, "");
        changedFiles = List.copyOf(changedFiles);
        refusedFiles = List.copyOf(refusedFiles);
        Objects.requireNonNull(backend, "backend");
        guarantees = Set.copyOf(guarantees);
        limitExceeded = Objects.requireNonNullElse(limitExceeded, "").strip();
        if (outputBytes < 0 || droppedBytes < 0 || droppedBytes > outputBytes) {
            throw new IllegalArgumentException("inconsistent output counts: " + outputBytes + " / " + droppedBytes);
        }
    }

    /** Within no workspace limit. */
    public ExecutionResult(
            int exitCode,
            boolean timedOut,
            boolean oomKilled,
            Duration duration,
            String output,
            long outputBytes,
            long droppedBytes,
            List<String> changedFiles,
            List<String> refusedFiles,
            String backend,
            Set<Guarantee> guarantees) {
        this(
                exitCode,
                timedOut,
                oomKilled,
                duration,
                output,
                outputBytes,
                droppedBytes,
                changedFiles,
                refusedFiles,
                backend,
                guarantees,
                "");
    }

    public boolean succeeded() {
        return exitCode == 0 && !timedOut && !oomKilled && limitExceeded.isEmpty();
    }

    /**
     * One line for logs and chat: "exit 0 after 1.2s (docker)", "timed out after 60.0s (bwrap)", "stopped: the code
     * left more than 1000 files ... after 3.1s (docker)".
     */
    public String summary() {
        String what = timedOut
                ? "timed out"
                : oomKilled
                        ? "killed: out of memory"
                        : !limitExceeded.isEmpty()
                                ? "stopped: " + limitExceeded + " (exit " + exitCode + ")"
                                : "exit " + exitCode;
        String dropped = droppedBytes > 0 ? ", " + droppedBytes + " output bytes dropped" : "";
        return String.format("%s after %.1fs (%s)%s", what, duration.toMillis() / 1000.0, backend, dropped);
    }
}
