package org.mlrcopilot.agents.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Reading a run's output: its tail for error messages, the MLR_SCORE line of a scoring run. */
final class Outputs {

    static final String SCORE_PREFIX = "MLR_SCORE=";
    static final int TAIL_LINES = 40;
    static final int TAIL_CHARS = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Outputs() {}

    static String tail(String output) {
        List<String> lines = output.lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        return tail.length() <= TAIL_CHARS ? tail : "..." + tail.substring(tail.length() - TAIL_CHARS);
    }

    /** The number on the last MLR_SCORE= line. */
    static double score(String task, String output) {
        List<String> lines =
                output.lines().filter(l -> l.startsWith(SCORE_PREFIX)).toList();
        if (lines.isEmpty()) {
            throw new TaskException("task " + task + ": eval.py printed no score:\n" + tail(output));
        }
        String value =
                lines.get(lines.size() - 1).substring(SCORE_PREFIX.length()).strip();
        try {
            JsonNode node = JSON.readTree(value);
            if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
                throw new TaskException("task " + task + ": get_score must return a finite number, returned " + value);
            }
            return node.asDouble();
        } catch (JsonProcessingException e) {
            throw new TaskException("task " + task + ": get_score must return a finite number, returned " + value, e);
        }
    }
}
