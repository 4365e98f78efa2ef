package org.mlrcopilot.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the configuration from, later winning: built-in defaults, {@code mlr.yaml}, {@code .env}, and environment
 * variables. Unknown keys are warnings; bad values are collected and reported together in one
 * {@link ConfigException}.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private ConfigLoader() {}

    /** Reads {@code mlr.yaml} and {@code .env} from the directory if they exist. */
    public static LoadedConfig load(Path directory, Map<String, String> environment) {
        Objects.requireNonNull(directory, "directory");
        return load(directory.resolve("mlr.yaml"), directory.resolve(".env"), environment);
    }

    /** Either file may be null or missing. */
    public static LoadedConfig load(Path yamlFile, Path dotEnvFile, Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        Resolution resolution = new Resolution();
        if (exists(yamlFile)) {
            YamlSettings.apply(yamlFile, resolution);
        }
        if (exists(dotEnvFile)) {
            Map<String, String> variables = DotEnvFile.read(dotEnvFile, resolution::warn);
            EnvironmentSettings.apply(variables, dotEnvFile.getFileName().toString(), resolution);
        }
        EnvironmentSettings.apply(environment, null, resolution);
        resolution.warnings().forEach(LOG::warn);
        MlrConfig config = MlrConfig.from(resolution.values());
        return new LoadedConfig(config, resolution.warnings(), resolution.sources());
    }

    private static boolean exists(Path file) {
        return file != null && Files.exists(file);
    }
}
