package org.mlrcopilot.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A loaded configuration with the warnings raised while loading it and, for every key, where its value came from:
 * {@code default}, the YAML file's name, the .env file's name, or {@code environment variable MLR_...}.
 */
public record LoadedConfig(MlrConfig config, List<String> warnings, Map<String, String> sources) {

    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        warnings = List.copyOf(warnings);
        sources = Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    /** One line per key, sorted, e.g. {@code sandbox.backend = auto   (default)}; secrets show as ****. */
    public String describe() {
        return Arrays.stream(Key.values())
                .sorted(Comparator.comparing(Key::id))
                .map(key -> key.id() + " = " + shown(key.display(config)) + "   ("
                        + sources.getOrDefault(key.id(), "default") + ")")
                .collect(Collectors.joining("\n"));
    }

    private static String shown(String value) {
        return value.isEmpty() ? "\"\"" : value;
    }
}
