package org.mlrcopilot.agents.experiment;

/** When the agent asks the team before acting. */
public enum ApprovalGate {
    /** Never asks. */
    NONE,
    /** Asks once, before the first execute_script. */
    BEFORE_FIRST_EXECUTION,
    /** Asks before every action. */
    EVERY_STEP
}
