package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.EXPERIMENT_APPROVAL;
import static org.mlrcopilot.config.Key.EXPERIMENT_APPROVAL_COST_USD;
import static org.mlrcopilot.config.Key.EXPERIMENT_GITHUB_API_URL;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_CODE_BYTES;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_DATASET_BYTES;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_MODEL_BYTES;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_ROWS;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_STEPS;
import static org.mlrcopilot.config.Key.EXPERIMENT_SETUP_STEPS;
import static org.mlrcopilot.config.Key.EXPERIMENT_TASK_MATCH;
import static org.mlrcopilot.config.Key.EXPERIMENT_WALL_TIME;

import java.time.Duration;

/** How experiment runs are set up and bounded, and when they ask the team first. */
public record ExperimentConfig(String approval, double approvalCostUsd, int maxSteps, Duration wallTime,
                               double taskMatch, long maxDatasetBytes, long maxCodeBytes, long maxModelBytes, int maxRows, int setupSteps,
                               String githubApiUrl) {

    public ExperimentConfig {
        EXPERIMENT_APPROVAL.require(approval);
        EXPERIMENT_APPROVAL_COST_USD.require(approvalCostUsd);
        EXPERIMENT_MAX_STEPS.require(maxSteps);
        EXPERIMENT_WALL_TIME.require(wallTime);
        EXPERIMENT_TASK_MATCH.require(taskMatch);
        EXPERIMENT_MAX_DATASET_BYTES.require(maxDatasetBytes);
        EXPERIMENT_MAX_CODE_BYTES.require(maxCodeBytes);
        EXPERIMENT_MAX_MODEL_BYTES.require(maxModelBytes);
        EXPERIMENT_MAX_ROWS.require(maxRows);
        EXPERIMENT_SETUP_STEPS.require(setupSteps);
        EXPERIMENT_GITHUB_API_URL.require(githubApiUrl);
    }

    static ExperimentConfig from(Values v) {
        return new ExperimentConfig(v.text(EXPERIMENT_APPROVAL), v.decimal(EXPERIMENT_APPROVAL_COST_USD),
                v.integer(EXPERIMENT_MAX_STEPS), v.duration(EXPERIMENT_WALL_TIME), v.decimal(EXPERIMENT_TASK_MATCH),
                v.number(EXPERIMENT_MAX_DATASET_BYTES), v.number(EXPERIMENT_MAX_CODE_BYTES),
                v.number(EXPERIMENT_MAX_MODEL_BYTES),
                v.integer(EXPERIMENT_MAX_ROWS), v.integer(EXPERIMENT_SETUP_STEPS), v.text(EXPERIMENT_GITHUB_API_URL));
    }
}
