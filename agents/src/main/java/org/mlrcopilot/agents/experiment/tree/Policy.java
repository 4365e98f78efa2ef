package org.mlrcopilot.agents.experiment.tree;

import java.util.List;
import java.util.Random;
import org.mlrcopilot.agents.task.Direction;

/**
 * Chooses the next node to make, AIDE's way: first the drafts; then, with the debug probability, a fix of a failed
 * node that may still be fixed (depth below the limit, not being fixed already), otherwise one improvement of a working
 * node, the best one (greedy) or one drawn with better ones more likely (sampled); a new draft when nothing works.
 */
public final class Policy {

    private final TreeSettings settings;
    private final Direction direction;
    private final Random random;

    public Policy(TreeSettings settings, Direction direction) {
        this.settings = settings;
        this.direction = direction;
        this.random = new Random(settings.seed());
    }

    /** The next expansion of {@code nodes} (running ones included, so none is fixed twice). */
    public Expansion next(List<Node> nodes) {
        return next(nodes, java.util.Set.of());
    }

    /** The next expansion of {@code nodes}, never from a node in {@code closed} (the team closed it). */
    public Expansion next(List<Node> nodes, java.util.Set<String> closed) {
        long drafts = nodes.stream().filter(n -> n.operator() == Operator.DRAFT).count();
        if (drafts < settings.drafts()) {
            return Expansion.draft();
        }
        List<Node> fixable = nodes.stream()
                .filter(n -> !closed.contains(n.id()) && fixable(n, nodes))
                .toList();
        List<Node> working = nodes.stream()
                .filter(Node::isDone)
                .filter(n -> !closed.contains(n.id()))
                .sorted(SolutionTree.better(direction))
                .toList();
        boolean debug = !fixable.isEmpty() && (working.isEmpty() || random.nextDouble() < settings.debugProbability());
        if (debug) {
            return new Expansion(Operator.DEBUG, fixable.get(random.nextInt(fixable.size())));
        }
        if (working.isEmpty()) {
            return Expansion.draft();
        }
        return new Expansion(Operator.IMPROVE, settings.sampled() ? sample(working) : working.get(0));
    }

    private boolean fixable(Node node, List<Node> nodes) {
        return node.isFailed()
                && node.debugDepth() < settings.debugDepth()
                && nodes.stream().noneMatch(n -> node.id().equals(n.parent()) && n.operator() == Operator.DEBUG);
    }

    /** Rank-weighted: the best of k nodes weighs k, the worst 1. */
    private Node sample(List<Node> bestFirst) {
        int k = bestFirst.size();
        int total = k * (k + 1) / 2;
        int draw = random.nextInt(total);
        for (int i = 0; i < k; i++) {
            draw -= k - i;
            if (draw < 0) {
                return bestFirst.get(i);
            }
        }
        return bestFirst.get(k - 1);
    }
}
