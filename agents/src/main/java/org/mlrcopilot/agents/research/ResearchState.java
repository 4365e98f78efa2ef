package org.mlrcopilot.agents.research;

import java.util.Objects;
import org.mlrcopilot.agents.experiment.RunCheckpoints;
import org.mlrcopilot.agents.usage.UsageStore;

/**
 * The durable state the {@link ResearchService} works on, port by port: researches (with their hypotheses, feedback
 * and votes), runs (with their steps), the runs' checkpoints, and the model usage its limits are checked against.
 */
public record ResearchState(ResearchStore researches, RunStore runs, RunCheckpoints checkpoints, UsageStore usage) {

    public ResearchState {
        Objects.requireNonNull(researches, "researches");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(usage, "usage");
    }
}
