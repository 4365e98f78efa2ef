package org.mlrcopilot.agents.experiment.tree;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One complete solution in the tree: the files it changed or added relative to the task's starter code, how it was
 * made, and what the harness measured.
 *
 * @param id           "n1", "n2", ... in the order the nodes were created
 * @param parent       the node it was made from, null for a draft
 * @param operator     draft, improve or debug
 * @param status       running, done (scored) or failed
 * @param debugDepth   fixes in a row that led to this node (0 unless it is a debug node)
 * @param attempts     how often it was started (a node running when a run crashed is started again once)
 * @param plan         what the model said the solution does or changes
 * @param files        every file that differs from the starter code, by workspace-relative path, whole contents
 * @param output       the tail of the execution's output, or why the node failed
 * @param score        the task's evaluation of the node's workspace (never a number the code printed), null unless done
 * @param inputTokens  input tokens of the node's model call
 * @param outputTokens output tokens of the node's model call
 * @param costUsd      the model call's cost
 * @param diff         unified diff of the node's code against the starter code
 * @param startedAt    when it was started last
 * @param endedAt      when it ended, null while running
 * @param direction    the team's direction it was asked to follow, "" if none
 */
public record Node(
        String id,
        String parent,
        Operator operator,
        NodeStatus status,
        int debugDepth,
        int attempts,
        String plan,
        Map<String, String> files,
        String output,
        Double score,
        long inputTokens,
        long outputTokens,
        double costUsd,
        String diff,
        Instant startedAt,
        Instant endedAt,
        String direction) {

    public Node {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("node id is blank");
        }
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(status, "status");
        plan = Objects.requireNonNullElse(plan, "");
        files = new TreeMap<>(Objects.requireNonNullElse(files, Map.of()));
        output = Objects.requireNonNullElse(output, "");
        diff = Objects.requireNonNullElse(diff, "");
        direction = Objects.requireNonNullElse(direction, "");
        if (debugDepth < 0 || attempts < 0 || inputTokens < 0 || outputTokens < 0 || costUsd < 0) {
            throw new IllegalArgumentException("negative count in node " + id);
        }
    }

    /** A node about to be written by {@code operator} from {@code parent} (null for a draft), unsteered. */
    static Node start(String id, Node parent, Operator operator, Instant now) {
        return start(id, parent, operator, now, "");
    }

    /** A node about to be written by {@code operator} from {@code parent}, following the team's {@code steer}. */
    static Node start(String id, Node parent, Operator operator, Instant now, String steer) {
        int depth = operator == Operator.DEBUG ? parent.debugDepth + 1 : 0;
        return new Node(
                id,
                parent == null ? null : parent.id,
                operator,
                NodeStatus.RUNNING,
                depth,
                1,
                "",
                Map.of(),
                "",
                null,
                0,
                0,
                0,
                "",
                now,
                null,
                steer);
    }

    /** The same node started once more. */
    Node restarted(Instant now) {
        return new Node(
                id,
                parent,
                operator,
                NodeStatus.RUNNING,
                debugDepth,
                attempts + 1,
                "",
                Map.of(),
                "",
                null,
                0,
                0,
                0,
                "",
                now,
                null,
                direction);
    }

    /** The node with the model's answer and its cost. */
    Node written(String planText, Map<String, String> allFiles, String codeDiff, long in, long out, double cost) {
        return new Node(
                id,
                parent,
                operator,
                status,
                debugDepth,
                attempts,
                planText,
                allFiles,
                output,
                score,
                in,
                out,
                cost,
                codeDiff,
                startedAt,
                endedAt,
                direction);
    }

    Node done(String tail, double value, Instant now) {
        return new Node(
                id,
                parent,
                operator,
                NodeStatus.DONE,
                debugDepth,
                attempts,
                plan,
                files,
                tail,
                value,
                inputTokens,
                outputTokens,
                costUsd,
                diff,
                startedAt,
                now,
                direction);
    }

    Node failed(String why, Instant now) {
        return new Node(
                id,
                parent,
                operator,
                NodeStatus.FAILED,
                debugDepth,
                attempts,
                plan,
                files,
                why,
                null,
                inputTokens,
                outputTokens,
                costUsd,
                diff,
                startedAt,
                now,
                direction);
    }

    public boolean isDone() {
        return status == NodeStatus.DONE;
    }

    public boolean isFailed() {
        return status == NodeStatus.FAILED;
    }

    public boolean isRunning() {
        return status == NodeStatus.RUNNING;
    }
}
