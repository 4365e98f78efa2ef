package org.mlrcopilot.config;

import java.util.Map;
import java.util.Optional;

/**
 * Reads keys from environment variables, or from the variables of a .env file: {@code MLR_<KEY>} for every key,
 * plus conventional names such as {@code ANTHROPIC_API_KEY} for secrets. The {@code MLR_} name wins when both are set.
 */
final class EnvironmentSettings {

    private EnvironmentSettings() {}

    /** @param file the .env file's name, or null for the process environment */
    static void apply(Map<String, String> variables, String file, Resolution resolution) {
        for (Key key : Key.values()) {
            conventionalName(key, variables)
                    .ifPresent(name -> resolution.set(key, variables.get(name), source(name, file)));
            String value = variables.get(key.envName());
            if (value != null) {
                resolution.set(key, value, source(key.envName(), file));
            }
        }
        variables.keySet().stream()
                .filter(name ->
                        name.startsWith(Keys.ENV_PREFIX) && Keys.byEnvName(name).isEmpty())
                .sorted()
                .forEach(name -> resolution.warn(unknown(name, file)));
    }

    private static Optional<String> conventionalName(Key key, Map<String, String> variables) {
        return key.aliases().stream()
                .filter(name -> !variables.getOrDefault(name, "").isBlank())
                .findFirst();
    }

    private static String source(String name, String file) {
        return file == null ? "environment variable " + name : file;
    }

    private static String unknown(String name, String file) {
        String where = file == null ? "environment variable " + name : name + " in " + file;
        String hint = Keys.similarTo(name, Key::envName)
                .map(key -> "; did you mean " + key.envName() + "?")
                .orElse("");
        return where + " is not a known setting (ignored)" + hint;
    }
}
