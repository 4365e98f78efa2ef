package org.mlrcopilot.agents.experiment.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.json.JsonCodec;

/**
 * A model's answer to an operator: what the solution does and the whole contents of the files it writes. Read
 * tolerantly: a JSON object {@code {"plan": ..., "files": {path: content}}} anywhere in the text (prose or a fence
 * around it, files as a list of {@code {path, content}}, a single {@code code}), or else fenced code blocks named by
 * their info string or the line before them, a single unnamed block being the task's script.
 *
 * @param plan  what the model says the solution does, "" if it said nothing
 * @param files whole file contents by workspace-relative path; empty if the answer held none
 */
public record Proposal(String plan, Map<String, String> files) {

    private static final int MAX_TRIES = 32;
    private static final Pattern FENCE = Pattern.compile("```([^\\n`]*)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("([\\w./-]+\\.[A-Za-z0-9]+)");
    private static final List<String> PLAN_FIELDS = List.of("plan", "summary", "explanation", "description");
    private static final List<String> PATH_FIELDS = List.of("path", "file", "file_name", "filename", "name");
    private static final List<String> CONTENT_FIELDS = List.of("content", "contents", "code", "text");

    public Proposal {
        plan = Objects.requireNonNullElse(plan, "").strip();
        files = Map.copyOf(Objects.requireNonNullElse(files, Map.of()));
    }

    /** Reads {@code answer}; an unnamed file is {@code script}. */
    public static Proposal parse(String answer, String script) {
        String text = Objects.requireNonNullElse(answer, "");
        ObjectNode json = json(text);
        Map<String, String> files = new LinkedHashMap<>();
        String plan = "";
        if (json != null) {
            plan = firstText(json, PLAN_FIELDS);
            files.putAll(files(json.get("files")));
            String code = firstText(json, List.of("code"));
            if (files.isEmpty() && !code.isEmpty()) {
                files.put(script, code);
            }
        }
        if (files.isEmpty()) {
            files.putAll(fenced(text, script));
            if (plan.isEmpty()) {
                plan = FENCE.matcher(text).replaceAll("").strip();
            }
        }
        return new Proposal(plan, files);
    }

    /** The outermost JSON object in the text, trying at most {@link #MAX_TRIES} spans. */
    private static ObjectNode json(String text) {
        int tries = 0;
        for (int start = text.indexOf('{'); start >= 0 && tries < MAX_TRIES; start = text.indexOf('{', start + 1)) {
            for (int end = text.lastIndexOf('}');
                    end > start && tries < MAX_TRIES;
                    end = text.lastIndexOf('}', end - 1)) {
                tries++;
                ObjectNode node = JsonCodec.objectOrNull(text.substring(start, end + 1));
                if (node != null && !node.isEmpty()) {
                    return node;
                }
            }
        }
        return null;
    }

    private static Map<String, String> files(JsonNode node) {
        Map<String, String> files = new LinkedHashMap<>();
        if (node == null) {
            return files;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    files.put(e.getKey().strip(), e.getValue().asText());
                } else if (e.getValue().isObject()) {
                    files.put(e.getKey().strip(), firstText(e.getValue(), CONTENT_FIELDS));
                }
            });
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String path = firstText(item, PATH_FIELDS);
                if (!path.isEmpty()) {
                    files.put(path, firstText(item, CONTENT_FIELDS));
                }
            }
        }
        files.keySet().removeIf(String::isBlank);
        return files;
    }

    private static Map<String, String> fenced(String text, String script) {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = FENCE.matcher(text);
        int unnamed = 0;
        while (m.find()) {
            String name = name(m.group(1));
            if (name == null) {
                String before = text.substring(0, m.start()).stripTrailing();
                name = name(before.substring(before.lastIndexOf('\n') + 1));
            }
            if (name == null) {
                unnamed++;
                if (unnamed > 1) {
                    continue;
                }
                name = script;
            }
            files.put(name, m.group(2));
        }
        return files;
    }

    private static String name(String line) {
        Matcher m = NAME.matcher(line.replace("`", " ").replace("*", " "));
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        return found;
    }

    private static String firstText(JsonNode node, List<String> fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return "";
    }
}
