package org.mlrcopilot.agents.task;

import java.util.Objects;

/** A task's metric value for one workspace, with the direction in which it improves. */
public record Score(String metric, double value, Direction direction) {

    /** MLAgentBench counts a run as a success when it beats the baseline by more than this percentage. */
    public static final double SUCCESS_THRESHOLD_PCT = 10.0;

    public Score {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("metric is blank");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(metric + " is not a finite number: " + value);
        }
        Objects.requireNonNull(direction, "direction");
    }

    /** Relative improvement over {@code baseline} in percent; positive means better, whatever the direction. */
    public double improvementPctOver(Score baseline) {
        requireComparable(baseline);
        double gain = direction.gain(value, baseline.value);
        if (baseline.value == 0) {
            return gain == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, gain);
        }
        return 100.0 * gain / Math.abs(baseline.value);
    }

    /** More than 10% better than {@code baseline}. */
    public boolean successOver(Score baseline) {
        return improvementPctOver(baseline) > SUCCESS_THRESHOLD_PCT;
    }

    private void requireComparable(Score baseline) {
        Objects.requireNonNull(baseline, "baseline");
        if (!metric.equals(baseline.metric) || direction != baseline.direction) {
            throw new IllegalArgumentException("cannot compare " + this + " with " + baseline);
        }
    }

    @Override
    public String toString() {
        return metric + "=" + value + " (" + direction.name().toLowerCase(java.util.Locale.ROOT) + " is better)";
    }
}
