package org.mlrcopilot.agents.experiment;

/** What the team wants the run to do, polled between steps. */
public enum RunControl {
    RUNNING,
    PAUSED,
    STOPPED
}
