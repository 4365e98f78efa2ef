package org.mlrcopilot.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * What one execution may use. Memory includes swap.
 *
 * @param wallTime    killed (with everything it started) when this passes
 * @param memoryBytes memory and swap together
 * @param cpus        CPU share, e.g. 1.5
 * @param pids        most processes and threads at once
 * @param outputBytes most bytes of stdout and stderr kept; the rest is counted and dropped
 * @param maxFiles    most files and directories the workspace may hold, before and after the run: a workspace
 *                    holding more is refused, a run that leaves more brings nothing back
 */
public record Limits(Duration wallTime, long memoryBytes, double cpus, int pids, long outputBytes, int maxFiles) {

    public static final long MIB = 1024L * 1024L;
    /** The default of {@link #maxFiles()}. */
    public static final int DEFAULT_MAX_FILES = 10_000;

    public Limits {
        Objects.requireNonNull(wallTime, "wallTime");
        if (wallTime.isZero() || wallTime.isNegative()) {
            throw new IllegalArgumentException("wall time must be positive: " + wallTime);
        }
        if (memoryBytes < 16 * MIB) {
            throw new IllegalArgumentException("memory must be at least 16 MiB: " + memoryBytes);
        }
        if (!(cpus > 0)) {
            throw new IllegalArgumentException("cpus must be positive: " + cpus);
        }
        if (pids < 16) {
            throw new IllegalArgumentException("pids limit must be at least 16: " + pids);
        }
        if (outputBytes < 1024) {
            throw new IllegalArgumentException("output cap must be at least 1 KiB: " + outputBytes);
        }
        if (maxFiles < 16) {
            throw new IllegalArgumentException("the file limit must be at least 16: " + maxFiles);
        }
    }

    /** With the default file limit. */
    public Limits(Duration wallTime, long memoryBytes, double cpus, int pids, long outputBytes) {
        this(wallTime, memoryBytes, cpus, pids, outputBytes, DEFAULT_MAX_FILES);
    }

    public static Limits defaults() {
        return new Limits(Duration.ofMinutes(10), 2048 * MIB, 1.0, 256, MIB, DEFAULT_MAX_FILES);
    }

    public Limits withWallTime(Duration value) {
        return new Limits(value, memoryBytes, cpus, pids, outputBytes, maxFiles);
    }

    public Limits withMemoryBytes(long value) {
        return new Limits(wallTime, value, cpus, pids, outputBytes, maxFiles);
    }

    public Limits withPids(int value) {
        return new Limits(wallTime, memoryBytes, cpus, value, outputBytes, maxFiles);
    }

    public Limits withOutputBytes(long value) {
        return new Limits(wallTime, memoryBytes, cpus, pids, value, maxFiles);
    }

    public Limits withCpus(double value) {
        return new Limits(wallTime, memoryBytes, value, pids, outputBytes, maxFiles);
    }

    public Limits withMaxFiles(int value) {
        return new Limits(wallTime, memoryBytes, cpus, pids, outputBytes, value);
    }
}
