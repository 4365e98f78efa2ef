package org.mlrcopilot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ExampleYamlTest {

    private static final Path EXAMPLE = Path.of("../mlr.example.yaml");

    @Test
    void documentsEveryKeyWithItsEnvironmentName() throws IOException {
        String text = Files.readString(EXAMPLE);
        Set<String> documented = new TreeSet<>();
        collectKeys("", new Yaml().load(text), documented);

        for (Key key : Key.values()) {
            assertThat(documented).as("keys in %s", EXAMPLE).contains(key.id());
            assertThat(text).as("environment names in %s", EXAMPLE).contains(key.envName());
            key.aliases().forEach(alias -> assertThat(text).contains(alias));
        }
    }

    @Test
    void loadsWithoutWarningsAndMatchesTheDefaults() {
        LoadedConfig loaded = ConfigLoader.load(EXAMPLE, null, Map.of());

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.config()).isEqualTo(MlrConfig.defaults());
    }

    private static void collectKeys(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((name, value) -> collectKeys(prefix + name + ".", value, keys));
        } else {
            keys.add(prefix.substring(0, prefix.length() - 1));
        }
    }
}
