package org.mlrcopilot.agents.setup;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.mlrcopilot.agents.task.Direction;
import org.mlrcopilot.agents.task.TaskSpec;

/**
 * What the set-up built, for the team to see before the experiment loop starts.
 *
 * @param task       the task the loop runs on
 * @param registered true when a registered task fitted the plan
 * @param similarity the best registered task's similarity to the plan (NaN when none is registered)
 * @param why        why this task: the match, or why none fitted
 * @param datasets   the datasets fetched
 * @param issues     the plan's datasets that could not be fetched
 * @param code       the paper's code under prototype/, or null
 * @param models     model files under models/
 * @param metric     the frozen evaluation's metric
 * @param direction  whether higher or lower is better
 * @param baseline   the baseline scored by the frozen evaluation; NaN when the loop measures it (registered task)
 * @param summary    the set-up agent's account of the data, baseline and deviations from the plan
 * @param notes      missing packages, sampling, compute, code that could not be fetched
 * @param fetchTime  time spent downloading data and code
 * @param totalTime  time of the whole set-up
 * @param bytes      bytes downloaded
 */
public record SetupReport(
        TaskSpec task,
        boolean registered,
        double similarity,
        String why,
        List<DatasetRecord> datasets,
        List<DatasetIssue> issues,
        CodeRecord code,
        List<ModelRecord> models,
        String metric,
        Direction direction,
        double baseline,
        String summary,
        List<String> notes,
        Duration fetchTime,
        Duration totalTime,
        long bytes) {

    public SetupReport {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(why, "why");
        datasets = List.copyOf(datasets);
        issues = List.copyOf(issues);
        models = List.copyOf(models);
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        summary = Objects.requireNonNullElse(summary, "");
        notes = List.copyOf(notes);
        Objects.requireNonNull(fetchTime, "fetchTime");
        Objects.requireNonNull(totalTime, "totalTime");
    }

    /** A one-line account for logs and plain-text chats. */
    public String headline() {
        return registered
                ? "registered task " + task.name() + " (similarity " + String.format("%.2f", similarity) + ")"
                : "task built from the plan: " + datasets.size() + " dataset(s), " + metric + " ("
                        + direction.name().toLowerCase(java.util.Locale.ROOT) + " is better)"
                        + (Double.isNaN(baseline)
                                ? ""
                                : String.format(java.util.Locale.ROOT, ", baseline %.4f", baseline));
    }
}
