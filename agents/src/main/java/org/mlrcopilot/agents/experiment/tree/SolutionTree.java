package org.mlrcopilot.agents.experiment.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.task.Direction;

/** The nodes of one search in the order they were created; changed by the search's scheduling thread only. */
public final class SolutionTree {

    private final List<Node> nodes = new ArrayList<>();

    SolutionTree(List<Node> saved) {
        nodes.addAll(saved);
    }

    public synchronized List<Node> nodes() {
        return List.copyOf(nodes);
    }

    synchronized int size() {
        return nodes.size();
    }

    synchronized String nextId() {
        return "n" + (nodes.size() + 1);
    }

    synchronized void add(Node node) {
        nodes.add(node);
    }

    /** Puts {@code node} in the place of the node with its id. */
    synchronized void replace(Node node) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(node.id())) {
                nodes.set(i, node);
                return;
            }
        }
        throw new IllegalArgumentException("no node " + node.id());
    }

    synchronized Optional<Node> get(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    synchronized List<Node> children(String id) {
        return nodes.stream().filter(n -> id.equals(n.parent())).toList();
    }

    /** The done node with the best harness score (the first of equal ones), if any. */
    public synchronized Optional<Node> best(Direction direction) {
        return nodes.stream().filter(Node::isDone).min(better(direction));
    }

    /** Orders nodes best score first. */
    static Comparator<Node> better(Direction direction) {
        Comparator<Node> byScore = Comparator.comparingDouble(Node::score);
        return direction == Direction.HIGHER ? byScore.reversed() : byScore;
    }
}
