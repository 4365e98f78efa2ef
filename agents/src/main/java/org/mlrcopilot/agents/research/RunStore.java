package org.mlrcopilot.agents.research;

import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.experiment.StepRecord;

/** The durable state of experiment runs and their steps. Every write is committed when the call returns. */
public interface RunStore {

    void save(ResearchRun run);

    Optional<ResearchRun> run(String runId);

    /** Runs of a research, oldest first. */
    List<ResearchRun> runs(String researchId);

    /** Runs not finished ({@link RunStatus#finished()} false), oldest first. */
    List<ResearchRun> activeRuns();

    /** Records a completed step; the same step number again replaces it. */
    void add(String runId, StepRecord step);

    /** Steps of a run, in order. */
    List<StepRecord> steps(String runId);
}
