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
 */
public record Limits(Duration wallTime, long memoryBytes, double cpus, int pids, long outputBytes) {

    public static final long MIB = 1024L * 1024L;

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
    }

    public static Limits defaults() {
        return new Limits(Duration.ofMinutes(10), 2048 * MIB, 1.0, 256, MIB);
    }

    public Limits withWallTime(Duration value) {
        return new Limits(value, memoryBytes, cpus, pids, outputBytes);
    }

    public Limits withMemoryBytes(long value) {
        return new Limits(wallTime, value, cpus, pids, outputBytes);
    }

    public Limits withPids(int value) {
        return new Limits(wallTime, memoryBytes, cpus, value, outputBytes);
    }

    public Limits withOutputBytes(long value) {
        return new Limits(wallTime, memoryBytes, cpus, pids, value);
    }

    public Limits withCpus(double value) {
        return new Limits(wallTime, memoryBytes, value, pids, outputBytes);
    }
}
