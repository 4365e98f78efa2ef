package org.mlrcopilot.agents.experiment;

import java.util.Optional;

/** Where a run's state is kept after every step, so that it can resume. */
public interface RunCheckpoints {

    void save(RunState state);

    Optional<RunState> load(String runId);
}
