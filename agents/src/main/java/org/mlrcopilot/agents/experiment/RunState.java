package org.mlrcopilot.agents.experiment;

import java.util.List;
import java.util.Objects;

/**
 * A run after its last completed step.
 *
 * @param runId           the run directory's name
 * @param step            the last completed step (0 before the first)
 * @param summary         the rolling research log
 * @param steps           the completed steps
 * @param executed        whether an execute_script has run
 * @param pendingQuestion a request_help question the team has not answered yet, or null
 * @param baseline        the starter code's score, NaN before it is measured
 */
public record RunState(
        String runId,
        int step,
        String summary,
        List<StepRecord> steps,
        boolean executed,
        String pendingQuestion,
        double baseline) {

    public RunState {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("runId is blank");
        }
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative: " + step);
        }
        summary = Objects.requireNonNullElse(summary, "");
        steps = List.copyOf(Objects.requireNonNullElse(steps, List.of()));
    }

    static RunState start(String runId) {
        return new RunState(runId, 0, "", List.of(), false, null, Double.NaN);
    }
}
