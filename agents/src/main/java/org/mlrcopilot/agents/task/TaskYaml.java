package org.mlrcopilot.agents.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flat scripts/task.yaml: {@code run}, {@code metric}, {@code direction} and {@code score} ({@code eval}, the
 * default: eval.py's number; {@code runtime}: the run command's wall time as the harness measures it), one
 * "key: value" a line.
 */
record TaskYaml(List<String> run, String metric, Direction direction, boolean timed) {

    static final TaskYaml DEFAULTS = new TaskYaml(List.of("python3", "train.py"), "score", Direction.HIGHER, false);
    private static final Set<String> KEYS = Set.of("run", "metric", "direction", "score");

    static TaskYaml parse(String text) {
        Map<String, String> values = entries(text);
        List<String> run = values.containsKey("run") ? command(values.get("run")) : DEFAULTS.run;
        String metric = values.getOrDefault("metric", DEFAULTS.metric);
        if (metric.isBlank()) {
            throw new TaskException("metric is empty");
        }
        Direction direction =
                values.containsKey("direction") ? Direction.parse(values.get("direction")) : DEFAULTS.direction;
        String score = values.getOrDefault("score", "eval");
        if (!score.equals("eval") && !score.equals("runtime")) {
            throw new TaskException("score: expected eval or runtime, got: " + score);
        }
        boolean timed = score.equals("runtime");
        if (timed && direction != Direction.LOWER) {
            throw new TaskException("score: runtime needs direction: lower (a shorter run is better)");
        }
        return new TaskYaml(run, metric, direction, timed);
    }

    private static Map<String, String> entries(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.equals("---")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).strip();
            if (!KEYS.contains(key)) {
                throw new TaskException("line " + (i + 1)
                        + ": expected one of run, metric, direction, score as 'key: value', got: " + line);
            }
            if (values.put(key, unquote(stripComment(line.substring(colon + 1)).strip())) != null) {
                throw new TaskException("line " + (i + 1) + ": '" + key + "' given twice");
            }
        }
        return values;
    }

    private static String stripComment(String value) {
        int hash = value.indexOf(" #");
        return hash < 0 ? value : value.substring(0, hash);
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    /** Splits a command line on blanks; single or double quotes group words, as in a shell. */
    static List<String> command(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote == 0 && Character.isWhitespace(c)) {
                word = flush(words, word);
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == quote) {
                quote = 0;
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (quote != 0) {
            throw new TaskException("run: unbalanced quote in: " + line);
        }
        flush(words, word);
        if (words.isEmpty()) {
            throw new TaskException("run: the command is empty");
        }
        return List.copyOf(words);
    }

    private static StringBuilder flush(List<String> words, StringBuilder word) {
        if (word != null) {
            words.add(word.toString());
        }
        return null;
    }
}
