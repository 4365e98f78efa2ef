package org.mlrcopilot.agents.research;

import java.util.Objects;

/**
 * Who asks to approve a run (or answers a run's approval question), and the verdict of the rule that decides who
 * approves (the team's roles, the configured approvers, or the chat platform's own rule): the service refuses when
 * it says no.
 *
 * @param name    the name shown and recorded for them
 * @param allowed whether they may approve
 * @param whoMay  who may, for a refusal ("" when allowed)
 */
public record Approver(String name, boolean allowed, String whoMay) {

    public Approver {
        Objects.requireNonNull(name, "name");
        whoMay = Objects.requireNonNullElse(whoMay, "");
    }

    public static Approver allowed(String name) {
        return new Approver(name, true, "");
    }

    public static Approver refused(String name, String whoMay) {
        return new Approver(name, false, whoMay);
    }
}
