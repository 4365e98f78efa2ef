package org.mlrcopilot.agents.experiment.tree;

/**
 * What the policy chose to do next: apply {@code operator} to {@code parent} (null for a draft).
 *
 * @param operator draft, improve or debug
 * @param parent   the node to improve or fix, null for a draft
 */
public record Expansion(Operator operator, Node parent) {

    public Expansion {
        if ((operator == Operator.DRAFT) != (parent == null)) {
            throw new IllegalArgumentException(
                    operator.label() + (parent == null ? " needs" : " takes no") + " parent node");
        }
    }

    static Expansion draft() {
        return new Expansion(Operator.DRAFT, null);
    }
}
