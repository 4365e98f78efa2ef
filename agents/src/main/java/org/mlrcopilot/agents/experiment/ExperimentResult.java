package org.mlrcopilot.agents.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a run.
 *
 * @param baseline       the starter code's score (NaN if it could not be measured)
 * @param finalScore     the workspace's score at the end, null if it cannot be scored
 * @param improvementPct improvement over the baseline in percent (positive is better), null without a final score
 * @param success        more than 10% better than the baseline, null without a final score
 * @param metric         the task's metric
 * @param finalAnswer    the agent's final answer, "" if it gave none
 * @param flaggedClaims  numbers in the final answer that no execution printed
 * @param artifacts      workspace-relative images and submission files
 * @param diff           unified diff of the workspace against its initial state
 * @param trace          the run's trace.jsonl
 * @param steps          completed steps
 * @param stopReason     why the run ended
 */
public record ExperimentResult(
        double baseline,
        Double finalScore,
        Double improvementPct,
        Boolean success,
        String metric,
        String finalAnswer,
        List<String> flaggedClaims,
        List<String> artifacts,
        String diff,
        Path trace,
        int steps,
        StopReason stopReason) {

    public ExperimentResult {
        Objects.requireNonNull(metric, "metric");
        finalAnswer = Objects.requireNonNullElse(finalAnswer, "");
        flaggedClaims = List.copyOf(flaggedClaims);
        artifacts = List.copyOf(artifacts);
        diff = Objects.requireNonNullElse(diff, "");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(stopReason, "stopReason");
    }
}
