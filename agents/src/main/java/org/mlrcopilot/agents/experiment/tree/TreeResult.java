package org.mlrcopilot.agents.experiment.tree;

import java.util.List;
import java.util.Objects;
import org.mlrcopilot.agents.experiment.ExperimentResult;

/**
 * The outcome of a tree search: the run's result as the loop reports it (baseline and final score on the task's test
 * rows, the diff the best node's workspace against the starter code) and the tree.
 *
 * @param result     the run's result; its final score is the best node's score on the test rows (the mean over the
 *                   seeds when there are several)
 * @param nodes      every node, in the order they were created
 * @param best       the id of the node with the best validation score, null if none was scored
 * @param validation the best node's validation score, null without one
 * @param separated  whether the task's evaluation kept the validation rows apart from the test rows; when not, the
 *                   best node was chosen on the same rows its number is reported on
 * @param seedScores the test score of each seeded run of the best node, empty with a single seed
 * @param closed     the nodes the team closed
 */
public record TreeResult(
        ExperimentResult result,
        List<Node> nodes,
        String best,
        Double validation,
        boolean separated,
        List<Double> seedScores,
        List<String> closed) {

    public TreeResult {
        Objects.requireNonNull(result, "result");
        nodes = List.copyOf(nodes);
        seedScores = List.copyOf(Objects.requireNonNullElse(seedScores, List.of()));
        closed = List.copyOf(Objects.requireNonNullElse(closed, List.of()));
    }
}
