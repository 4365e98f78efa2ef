package org.mlrcopilot.agents.research;

/** Where an experiment run stands. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    PAUSED,
    WAITING,
    DONE,
    FAILED,
    STOPPED;

    public boolean finished() {
        return this == DONE || this == FAILED || this == STOPPED;
    }
}
