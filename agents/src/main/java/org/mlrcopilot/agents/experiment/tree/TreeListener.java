package org.mlrcopilot.agents.experiment.tree;

/** Told about a tree search as it goes; every method does nothing by default. */
public interface TreeListener {

    /** The starter code was scored (not called again when a run resumes). */
    default void onBaseline(double value, String metric) {}

    /** A node was started. */
    default void onStarted(Node node) {}

    /** A node is done or failed. */
    default void onNode(Node node) {}

    /** {@code node} scored better than every node before it ({@code previous}, null when it is the first). */
    default void onBest(Node node, Node previous) {}

    /** The team closed the node with id {@code id}: it is neither improved nor fixed any more. */
    default void onClosed(String id) {}

    /** The sandbox waits before an execution starts. */
    default void onWaiting(String status) {}

    static TreeListener ignore() {
        return new TreeListener() {};
    }
}
