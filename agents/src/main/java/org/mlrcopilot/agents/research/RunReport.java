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
 * @param tree      a tree search's nodes as indented text with the best one starred, "" for an agent loop
 */
public record RunReport(ResearchRun run, List<Path> plots, UsageTotals usage, UsageTotals researchUsage, String tree) {

    public RunReport(ResearchRun run, List<Path> plots, UsageTotals usage, UsageTotals researchUsage) {
        this(run, plots, usage, researchUsage, "");
    }

    public RunReport {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(run.result(), "run.result");
        plots = List.copyOf(plots);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(researchUsage, "researchUsage");
        tree = Objects.requireNonNullElse(tree, "");
    }
}
