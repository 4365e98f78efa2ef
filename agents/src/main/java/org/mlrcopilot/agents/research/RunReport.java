package org.mlrcopilot.agents.research;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.mlrcopilot.agents.usage.UsageTotals;

/**
 * What a finished run shows the team.
 *
 * @param plots     image files the experiment produced, absolute
 * @param usage     the run's own language-model usage: the calls made since it was approved
 * @param researchUsage the research's usage so far, the run's included
 */
public record RunReport(ResearchRun run, List<Path> plots, UsageTotals usage, UsageTotals researchUsage) {

    public RunReport {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(run.result(), "run.result");
        plots = List.copyOf(plots);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(researchUsage, "researchUsage");
    }
}
