package org.mlrcopilot.agents.research;

import java.util.List;

/**
 * How the service behaves.
 *
 * @param approvers   who may approve an experiment run (immutable ids, e.g. slack:U0123); empty lets anyone
 * @param hypotheses  how many hypotheses to propose per paper
 * @param maxSteps    step limit of an experiment run
 * @param maxFileBytes largest file the team may post in a research's thread (as data for its experiments)
 * @param perPersonUsd  model spending per person per day (their researches) past which no new work starts
 * @param researchesPerHour researches one person may start per hour
 */
public record ResearchSettings(
        List<String> approvers,
        int hypotheses,
        int maxSteps,
        long maxFileBytes,
        double perPersonUsd,
        int researchesPerHour) {

    public static final long DEFAULT_MAX_FILE_BYTES = 100L << 20;

    public ResearchSettings(List<String> approvers, int hypotheses, int maxSteps) {
        this(approvers, hypotheses, maxSteps, DEFAULT_MAX_FILE_BYTES);
    }

    public ResearchSettings(List<String> approvers, int hypotheses, int maxSteps, long maxFileBytes) {
        this(approvers, hypotheses, maxSteps, maxFileBytes, Double.MAX_VALUE, Integer.MAX_VALUE);
    }

    public ResearchSettings {
        approvers = List.copyOf(approvers);
        if (hypotheses < 1 || hypotheses > 10) {
            throw new IllegalArgumentException("hypotheses must be 1..10: " + hypotheses);
        }
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be >= 1: " + maxFileBytes);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1: " + maxSteps);
        }
    }
}
