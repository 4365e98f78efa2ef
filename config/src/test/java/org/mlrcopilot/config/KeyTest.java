package org.mlrcopilot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyTest {

    @Test
    void derivesEnvironmentNamesFromDottedCamelCase() {
        assertThat(Key.SANDBOX_ALLOW_UNSAFE_PROCESS.envName()).isEqualTo("MLR_SANDBOX_ALLOW_UNSAFE_PROCESS");
        assertThat(Key.LLM_FAST_MODEL.envName()).isEqualTo("MLR_LLM_FAST_MODEL");
        assertThat(Key.SANDBOX_BACKEND.envName()).isEqualTo("MLR_SANDBOX_BACKEND");
        assertThat(Key.RESEARCH_HUGGING_FACE_TOKEN.envName()).isEqualTo("MLR_RESEARCH_HUGGING_FACE_TOKEN");
    }

    @Test
    void enumConstantNamesMatchEnvironmentNames() {
        for (Key key : Key.values()) {
            assertThat(key.envName()).isEqualTo("MLR_" + key.name());
        }
    }

    @Test
    void namesAreUniqueAndLookupsRoundTrip() {
        assertThat(Arrays.stream(Key.values()).map(Key::id)).doesNotHaveDuplicates();
        for (Key key : Key.values()) {
            assertThat(Keys.byId(key.id())).contains(key);
            assertThat(Keys.byEnvName(key.envName())).contains(key);
            assertThat(key.description()).isNotBlank();
        }
    }

    @Test
    void everyDefaultIsValid() {
        for (Key key : Key.values()) {
            assertThat(key.parse(key.defaultValue())).as(key.id()).isNotNull();
        }
    }

    @Test
    void onlySecretsHaveConventionalNames() {
        for (Key key : Key.values()) {
            if (!key.aliases().isEmpty()) {
                assertThat(key.secret()).as(key.id()).isTrue();
            }
        }
        assertThat(Key.LLM_ANTHROPIC_API_KEY.aliases()).containsExactly("ANTHROPIC_API_KEY", "CLAUDE_API_KEY");
    }
}
