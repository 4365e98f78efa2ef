package org.mlrcopilot.agents.research;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.mlrcopilot.agents.usage.UsageTotals;

/**
 * What a finished run shows the team.
 *
 * @param plots     image files the experiment produced, absolute
 * @param usage     the research's language-model usage so far
 */
public record RunReport(ResearchRun run, List<Path> plots, UsageTotals usage) {

    public RunReport {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(run.result(), "run.result");
        plots = List.copyOf(plots);
        Objects.requireNonNull(usage, "usage");
    }
}
