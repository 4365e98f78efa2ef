package org.mlrcopilot.agents.research;

/** Where a research stands. QUEUED to GENERATING are the idea stage; READY waits for the team. */
public enum ResearchStatus {
    QUEUED,
    READING,
    GENERATING,
    READY,
    RUNNING,
    DONE,
    FAILED,
    STOPPED;

    /** Work is (or was, before a restart) in progress and must be picked up again. */
    public boolean inProgress() {
        return this == QUEUED || this == READING || this == GENERATING;
    }
}
