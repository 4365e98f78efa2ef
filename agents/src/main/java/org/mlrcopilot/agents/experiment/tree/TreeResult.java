package org.mlrcopilot.agents.experiment.tree;

import java.util.List;
import java.util.Objects;
import org.mlrcopilot.agents.experiment.ExperimentResult;

/**
 * The outcome of a tree search: the run's result as the loop reports it (the final score being the best node's harness
 * score, the diff its workspace's against the starter code) and the tree.
 *
 * @param result the run's result
 * @param nodes  every node, in the order they were created
 * @param best   the id of the node with the best harness score, null if none was scored
 */
public record TreeResult(ExperimentResult result, List<Node> nodes, String best) {

    public TreeResult {
        Objects.requireNonNull(result, "result");
        nodes = List.copyOf(nodes);
    }
}
