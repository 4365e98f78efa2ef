package org.mlrcopilot.agents.experiment;

/**
 * Asks the team before a step whose estimated model cost passes a threshold.
 *
 * @param thresholdUsd steps estimated above this many US dollars need approval; 0 turns the gate off
 * @param estimator    the estimated cost of a model call with a prompt of that many characters
 */
public record CostGate(double thresholdUsd, Estimator estimator) {

    /** Estimated cost in US dollars of one call with a prompt of {@code promptChars} characters. */
    @FunctionalInterface
    public interface Estimator {
        double estimateUsd(int promptChars);
    }

    public CostGate {
        if (thresholdUsd < 0) {
            throw new IllegalArgumentException("the approval cost threshold cannot be negative: " + thresholdUsd);
        }
        java.util.Objects.requireNonNull(estimator, "estimator");
    }

    public static CostGate none() {
        return new CostGate(0, chars -> 0);
    }

    /** True when the step may go ahead: under the threshold, or approved by the team. */
    boolean allows(TeamChannel team, int step, int promptChars) {
        double estimate = estimator.estimateUsd(promptChars);
        if (thresholdUsd <= 0 || estimate <= thresholdUsd) {
            return true;
        }
        return team.approve(String.format(
                "Step %d: the next model call is estimated at $%.4f, above the $%.4f " + "approval threshold",
                step, estimate, thresholdUsd));
    }
}
