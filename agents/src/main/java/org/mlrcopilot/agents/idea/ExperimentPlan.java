package org.mlrcopilot.agents.idea;

import java.util.List;
import java.util.Objects;

/**
 * How to test a hypothesis.
 *
 * @param procedure        ordered steps
 * @param successCriterion a measurable result that would support the hypothesis
 */
public record ExperimentPlan(
        String objective,
        List<DatasetRef> datasets,
        List<String> baselines,
        List<String> models,
        List<String> metrics,
        List<String> procedure,
        ComputeEstimate compute,
        String successCriterion) {

    public ExperimentPlan {
        objective = Texts.required(objective, "objective");
        datasets = List.copyOf(Objects.requireNonNull(datasets, "datasets must not be null"));
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets must list at least one entry");
        }
        baselines = Texts.nonEmpty(baselines, "baselines");
        models = Texts.nonEmpty(models, "models");
        metrics = Texts.nonEmpty(metrics, "metrics");
        procedure = Texts.nonEmpty(procedure, "procedure");
        compute = Objects.requireNonNullElse(compute, new ComputeEstimate(0, 0));
        successCriterion = Texts.required(successCriterion, "successCriterion");
    }
}
