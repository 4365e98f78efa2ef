package org.mlrcopilot.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a .env file: {@code KEY=value} or {@code export KEY=value} lines, values optionally in single or double
 * quotes, {@code #} comments and blank lines. Unusable lines are reported by line number only, never by content,
 * since they may hold secrets.
 */
final class DotEnvFile {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private DotEnvFile() {}

    static Map<String, String> read(Path file, Consumer<String> warn) {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String problem = parse(line, variables);
            if (problem != null) {
                warn.accept(file.getFileName() + " line " + (i + 1) + ": " + problem + " (ignored)");
            }
        }
        return variables;
    }

    /** Adds the line's variable and returns null, or returns what is wrong with the line. */
    private static String parse(String line, Map<String, String> variables) {
        String assignment = line.replaceFirst("^export\\s+", "");
        int equals = assignment.indexOf('=');
        String name = equals < 0 ? "" : assignment.substring(0, equals).strip();
        if (!NAME.matcher(name).matches()) {
            return "expected NAME=value";
        }
        String value = unquote(assignment.substring(equals + 1).strip());
        if (value == null) {
            return "the value's closing quote is missing";
        }
        variables.put(name, value);
        return null;
    }

    private static String unquote(String value) {
        if (value.startsWith("\"") || value.startsWith("'")) {
            int end = value.indexOf(value.charAt(0), 1);
            return end < 0 ? null : value.substring(1, end);
        }
        String[] withoutComment = value.split("\\s+#", 2);
        return withoutComment[0].strip();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e);
        }
    }
}
