package org.mlrcopilot.agents.research;

import java.util.List;

/**
 * How the service behaves.
 *
 * @param approvers   who may approve an experiment run (user ids or display names); empty lets anyone
 * @param hypotheses  how many hypotheses to propose per paper
 * @param maxSteps    step limit of an experiment run
 */
public record ResearchSettings(List<String> approvers, int hypotheses, int maxSteps) {

    public ResearchSettings {
        approvers = List.copyOf(approvers);
        if (hypotheses < 1 || hypotheses > 10) {
            throw new IllegalArgumentException("hypotheses must be 1..10: " + hypotheses);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1: " + maxSteps);
        }
    }

    /** Whether the person is named in {@code approvers} (an empty list names nobody). */
    public boolean names(String userId, String userName) {
        return approvers.contains(userId) || approvers.contains(userName);
    }

    public boolean mayApprove(String userId, String userName) {
        return approvers.isEmpty() || names(userId, userName);
    }
}
