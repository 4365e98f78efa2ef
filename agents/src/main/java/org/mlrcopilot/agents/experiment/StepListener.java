package org.mlrcopilot.agents.experiment;

/** Told about every completed step. */
@FunctionalInterface
public interface StepListener {

    void onStep(StepRecord step);

    /** The starter code was scored before the first step (not called again when a run resumes). */
    default void onBaseline(double value, String metric) {}

    /** The sandbox waits before an execution starts, e.g. "queued on Slurm (Resources) for 1m20s". */
    default void onWaiting(String status) {}

    static StepListener ignore() {
        return step -> {};
    }
}
