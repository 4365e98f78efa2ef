package org.mlrcopilot.agents.experiment.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.json.JsonCodec;

/**
 * A finished node as one step of a run, so that the run's stored steps and its run page show the tree: the action
 * is {@value #ACTION}, the input the node's summary as JSON, the observation its plan, output and diff.
 */
public final class TreeSteps {

    /** The action of a step that is a tree node. */
    public static final String ACTION = "tree_node";

    private static final int MAX_OBSERVATION_CHARS = 60_000;

    private TreeSteps() {}

    /** {@code node} as the {@code step}-th step. */
    public static StepRecord step(int step, Node node) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", node.id());
        summary.put("parent", node.parent());
        summary.put("operator", node.operator().label());
        summary.put("status", node.status().label());
        summary.put("score", node.score());
        summary.put("debugDepth", node.debugDepth());
        summary.put("costUsd", node.costUsd());
        summary.put("direction", node.direction());
        String observation =
                "Plan: " + node.plan().strip() + "\n\nOutput:\n" + node.output().strip()
                        + (node.diff().isBlank() ? "" : "\n\nDiff against the starter code:\n" + node.diff());
        if (observation.length() > MAX_OBSERVATION_CHARS) {
            observation = observation.substring(0, MAX_OBSERVATION_CHARS) + "\n[... shortened ...]";
        }
        long millis = node.startedAt() == null || node.endedAt() == null
                ? 0
                : Math.max(0, Duration.between(node.startedAt(), node.endedAt()).toMillis());
        return new StepRecord(
                step,
                ACTION,
                JsonCodec.write(summary),
                observation,
                node.direction().isBlank()
                        ? List.of()
                        : node.direction().lines().toList(),
                0,
                node.inputTokens(),
                node.outputTokens(),
                millis);
    }

    /** The node a stored step stands for (id, parent, operator, status, score, cost), null if it is not a node. */
    public static Node node(StepRecord step) {
        if (!ACTION.equals(step.action())) {
            return null;
        }
        ObjectNode s = JsonCodec.objectOrNull(step.input());
        if (s == null || !s.hasNonNull("id")) {
            return null;
        }
        JsonNode score = s.get("score");
        try {
            return new Node(
                    s.get("id").asText(),
                    s.hasNonNull("parent") ? s.get("parent").asText() : null,
                    Operator.parse(s.path("operator").asText("draft")),
                    NodeStatus.parse(s.path("status").asText("failed")),
                    s.path("debugDepth").asInt(0),
                    1,
                    "",
                    Map.of(),
                    "",
                    score == null || score.isNull() ? null : score.asDouble(),
                    step.inputTokens(),
                    step.outputTokens(),
                    Math.max(0, s.path("costUsd").asDouble(0)),
                    "",
                    null,
                    null,
                    s.path("direction").asText(""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
