package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.EXPERIMENT_APPROVAL;
import static org.mlrcopilot.config.Key.EXPERIMENT_APPROVAL_COST_USD;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_STEPS;
import static org.mlrcopilot.config.Key.EXPERIMENT_WALL_TIME;

import java.time.Duration;

/** How experiment runs are bounded and when they ask the team first. */
public record ExperimentConfig(String approval, double approvalCostUsd, int maxSteps, Duration wallTime) {

    public ExperimentConfig {
        EXPERIMENT_APPROVAL.require(approval);
        EXPERIMENT_APPROVAL_COST_USD.require(approvalCostUsd);
        EXPERIMENT_MAX_STEPS.require(maxSteps);
        EXPERIMENT_WALL_TIME.require(wallTime);
    }

    static ExperimentConfig from(Values v) {
        return new ExperimentConfig(v.text(EXPERIMENT_APPROVAL), v.decimal(EXPERIMENT_APPROVAL_COST_USD),
                v.integer(EXPERIMENT_MAX_STEPS), v.duration(EXPERIMENT_WALL_TIME));
    }
}
