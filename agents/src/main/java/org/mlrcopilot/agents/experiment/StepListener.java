package org.mlrcopilot.agents.experiment;

/** Told about every completed step. */
@FunctionalInterface
public interface StepListener {

    void onStep(StepRecord step);

    static StepListener ignore() {
        return step -> { };
    }
}
