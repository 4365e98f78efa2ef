package org.mlrcopilot.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Finding a {@link Key} by its dotted name or its environment variable, and what a misspelt name meant. */
final class Keys {

    static final String ENV_PREFIX = "MLR_";

    private Keys() {}

    static Optional<Key> byId(String id) {
        return Arrays.stream(Key.values()).filter(key -> key.id().equals(id)).findFirst();
    }

    static Optional<Key> byEnvName(String name) {
        return Arrays.stream(Key.values())
                .filter(key -> key.envName().equals(name))
                .findFirst();
    }

    /** True for a section name such as {@code sandbox}, which holds keys rather than being one. */
    static boolean isSection(String name) {
        return Arrays.stream(Key.values()).anyMatch(key -> key.id().startsWith(name + "."));
    }

    /** The key a misspelt name probably meant, ignoring case and separators. */
    static Optional<Key> similarTo(String name, Function<Key, String> naming) {
        return Arrays.stream(Key.values())
                .filter(key -> loose(naming.apply(key)).equals(loose(name)))
                .findFirst();
    }

    /** {@code sandbox.allowUnsafeProcess} becomes {@code MLR_SANDBOX_ALLOW_UNSAFE_PROCESS}. */
    static String envName(String id) {
        String snake = id.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return ENV_PREFIX + snake.toUpperCase(Locale.ROOT);
    }

    private static String loose(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
