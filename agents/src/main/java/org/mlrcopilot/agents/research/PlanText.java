package org.mlrcopilot.agents.research;

import java.util.List;
import java.util.stream.Collectors;
import org.mlrcopilot.agents.idea.DatasetRef;
import org.mlrcopilot.agents.idea.ExperimentPlan;
import org.mlrcopilot.agents.idea.Hypothesis;

/** A hypothesis and its plan as the text the experiment agent works from. */
public final class PlanText {

    private PlanText() {}

    public static String of(Hypothesis h) {
        ExperimentPlan p = h.plan();
        return "# " + h.id() + " v" + h.version() + ": " + h.title() + "\n\n"
                + "Hypothesis: " + h.method() + "\n\nRationale: " + h.rationale() + "\n\n"
                + "Expected outcome: " + h.expectedOutcome() + "\n\n"
                + "## Experiment plan\nObjective: " + p.objective() + "\n"
                + "Datasets: " + p.datasets().stream().map(PlanText::dataset).collect(Collectors.joining("; ")) + "\n"
                + "Baselines: " + String.join("; ", p.baselines()) + "\n"
                + "Models: " + String.join("; ", p.models()) + "\n"
                + "Metrics: " + String.join("; ", p.metrics()) + "\n"
                + "Procedure:\n" + numbered(p.procedure())
                + "Success criterion: " + p.successCriterion() + "\n";
    }

    private static String dataset(DatasetRef d) {
        return d.source().isBlank() ? d.name() : d.name() + " (" + d.source() + ")";
    }

    private static String numbered(List<String> steps) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            out.append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        return out.toString();
    }
}
