package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.EXPERIMENT_APPROVAL;
import static org.mlrcopilot.config.Key.EXPERIMENT_APPROVAL_COST_USD;
import static org.mlrcopilot.config.Key.EXPERIMENT_DEBUG_DEPTH;
import static org.mlrcopilot.config.Key.EXPERIMENT_DEBUG_PROBABILITY;
import static org.mlrcopilot.config.Key.EXPERIMENT_DRAFTS;
import static org.mlrcopilot.config.Key.EXPERIMENT_GITHUB_API_URL;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_CODE_BYTES;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_DATASET_BYTES;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_MODEL_BYTES;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_NODES;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_ROWS;
import static org.mlrcopilot.config.Key.EXPERIMENT_MAX_STEPS;
import static org.mlrcopilot.config.Key.EXPERIMENT_SEARCH;
import static org.mlrcopilot.config.Key.EXPERIMENT_SEEDS;
import static org.mlrcopilot.config.Key.EXPERIMENT_SELECTION;
import static org.mlrcopilot.config.Key.EXPERIMENT_SETUP_STEPS;
import static org.mlrcopilot.config.Key.EXPERIMENT_TASK_MATCH;
import static org.mlrcopilot.config.Key.EXPERIMENT_WALL_TIME;
import static org.mlrcopilot.config.Key.EXPERIMENT_WORKERS;

import java.time.Duration;

/** How experiment runs are set up and bounded, and when they ask the team first. */
public record ExperimentConfig(
        String approval,
        double approvalCostUsd,
        int maxSteps,
        Duration wallTime,
        double taskMatch,
        long maxDatasetBytes,
        long maxCodeBytes,
        long maxModelBytes,
        int maxRows,
        int setupSteps,
        String githubApiUrl,
        String search,
        int drafts,
        int workers,
        int maxNodes,
        int debugDepth,
        double debugProbability,
        String selection,
        int seeds) {

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
        EXPERIMENT_SEARCH.require(search);
        EXPERIMENT_DRAFTS.require(drafts);
        EXPERIMENT_WORKERS.require(workers);
        EXPERIMENT_MAX_NODES.require(maxNodes);
        EXPERIMENT_DEBUG_DEPTH.require(debugDepth);
        EXPERIMENT_DEBUG_PROBABILITY.require(debugProbability);
        EXPERIMENT_SELECTION.require(selection);
        EXPERIMENT_SEEDS.require(seeds);
    }

    static ExperimentConfig from(Values v) {
        return new ExperimentConfig(
                v.text(EXPERIMENT_APPROVAL),
                v.decimal(EXPERIMENT_APPROVAL_COST_USD),
                v.integer(EXPERIMENT_MAX_STEPS),
                v.duration(EXPERIMENT_WALL_TIME),
                v.decimal(EXPERIMENT_TASK_MATCH),
                v.number(EXPERIMENT_MAX_DATASET_BYTES),
                v.number(EXPERIMENT_MAX_CODE_BYTES),
                v.number(EXPERIMENT_MAX_MODEL_BYTES),
                v.integer(EXPERIMENT_MAX_ROWS),
                v.integer(EXPERIMENT_SETUP_STEPS),
                v.text(EXPERIMENT_GITHUB_API_URL),
                v.text(EXPERIMENT_SEARCH),
                v.integer(EXPERIMENT_DRAFTS),
                v.integer(EXPERIMENT_WORKERS),
                v.integer(EXPERIMENT_MAX_NODES),
                v.integer(EXPERIMENT_DEBUG_DEPTH),
                v.decimal(EXPERIMENT_DEBUG_PROBABILITY),
                v.text(EXPERIMENT_SELECTION),
                v.integer(EXPERIMENT_SEEDS));
    }
}
