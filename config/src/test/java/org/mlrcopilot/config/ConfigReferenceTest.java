package org.mlrcopilot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * mlr.example.yaml and docs/configuration.md are what the key table says today. When a key changes, write them again:
 * {@code mvn -q -pl config compile exec:java -Dexec.mainClass=org.mlrcopilot.config.ConfigReference}.
 */
class ConfigReferenceTest {

    private static final String AGAIN = "written from an older key table; write it again with `mvn -q -pl config "
            + "compile exec:java -Dexec.mainClass=org.mlrcopilot.config.ConfigReference`";

    @Test
    void theExampleFileIsTheKeyTable() throws IOException {
        assertThat(Files.readString(Path.of("../mlr.example.yaml")))
                .as("mlr.example.yaml " + AGAIN)
                .isEqualTo(ConfigReference.exampleYaml());
    }

    @Test
    void theReferencePageIsTheKeyTable() throws IOException {
        assertThat(Files.readString(Path.of("../docs/configuration.md")))
                .as("docs/configuration.md " + AGAIN)
                .isEqualTo(ConfigReference.markdown());
        for (Key key : Key.values()) {
            assertThat(ConfigReference.markdown())
                    .contains("`" + key.id() + "`")
                    .contains(key.envName());
        }
    }
}
