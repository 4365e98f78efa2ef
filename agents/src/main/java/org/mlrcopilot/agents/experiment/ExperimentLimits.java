package org.mlrcopilot.agents.experiment;

import java.time.Duration;
import java.util.Objects;
import org.mlrcopilot.sandbox.Limits;

/**
 * Bounds of one experiment run.
 *
 * @param maxSteps            most actions before the run stops
 * @param wallTime            most wall time of the whole run (baseline included)
 * @param execution           limits of each execute_script in the sandbox
 * @param keepSteps           recent steps shown verbatim in each prompt
 * @param maxObservationChars longest observation shown in a prompt
 */
public record ExperimentLimits(
        int maxSteps, Duration wallTime, Limits execution, int keepSteps, int maxObservationChars) {

    public ExperimentLimits {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1: " + maxSteps);
        }
        Objects.requireNonNull(wallTime, "wallTime");
        if (wallTime.isZero() || wallTime.isNegative()) {
            throw new IllegalArgumentException("wall time must be positive: " + wallTime);
        }
        Objects.requireNonNull(execution, "execution");
        if (keepSteps < 0) {
            throw new IllegalArgumentException("keepSteps must not be negative: " + keepSteps);
        }
        if (maxObservationChars < 100) {
            throw new IllegalArgumentException("maxObservationChars must be at least 100: " + maxObservationChars);
        }
    }

    public static ExperimentLimits defaults() {
        return new ExperimentLimits(30, Duration.ofHours(2), Limits.defaults(), 3, 3000);
    }

    public ExperimentLimits withMaxSteps(int value) {
        return new ExperimentLimits(value, wallTime, execution, keepSteps, maxObservationChars);
    }

    public ExperimentLimits withWallTime(Duration value) {
        return new ExperimentLimits(maxSteps, value, execution, keepSteps, maxObservationChars);
    }

    public ExperimentLimits withExecution(Limits value) {
        return new ExperimentLimits(maxSteps, wallTime, value, keepSteps, maxObservationChars);
    }

    public ExperimentLimits withKeepSteps(int value) {
        return new ExperimentLimits(maxSteps, wallTime, execution, value, maxObservationChars);
    }
}
