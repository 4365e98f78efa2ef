package org.mlrcopilot.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads keys from a YAML file with nested sections ({@code sandbox:} then {@code backend: docker}). Dotted names
 * ({@code sandbox.backend: docker}) work too. Lists may be YAML lists or comma-separated strings.
 */
final class YamlSettings {

    private YamlSettings() {}

    static void apply(Path file, Resolution resolution) {
        Object document = load(file);
        if (document == null) {
            return;
        }
        if (!(document instanceof Map<?, ?> sections)) {
            throw new ConfigException(file + ": expected sections such as sandbox: and llm: at the top level");
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", sections, flat);
        String label = file.getFileName().toString();
        flat.forEach((name, value) -> apply(name, value, label, resolution));
    }

    private static void apply(String name, Object value, String label, Resolution resolution) {
        Optional<Key> known = Keys.byId(name);
        if (known.isEmpty()) {
            if (value != null || !Keys.isSection(name)) {
                String hint = Keys.similarTo(name, Key::id)
                        .map(key -> "; did you mean " + key.id() + "?")
                        .orElse("");
                resolution.warn(label + ": unknown key " + name + " (ignored)" + hint);
            }
            return;
        }
        Key key = known.get();
        if (value instanceof List<?> items && !key.list()) {
            resolution.reject(key, text(items), "must be a single value, not a list", label);
        } else {
            resolution.set(key, text(value), label);
        }
    }

    private static String text(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(YamlSettings::text).collect(Collectors.joining(","));
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> flat) {
        map.forEach((name, value) -> {
            String key = prefix + name;
            if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(key + ".", nested, flat);
            } else {
                flat.put(key, value instanceof Map ? null : value);
            }
        });
    }

    private static Object load(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(options)).load(reader);
        } catch (MarkedYAMLException e) {
            throw new ConfigException(file + " is not valid YAML: " + position(e.getProblemMark()) + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(file + " is not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e);
        }
    }

    private static String position(Mark mark) {
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }
}
