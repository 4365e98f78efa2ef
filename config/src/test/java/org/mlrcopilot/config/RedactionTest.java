package org.mlrcopilot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {

    private static final Map<String, String> SECRETS = Map.of(
            "ANTHROPIC_API_KEY", "sk-ant-s3kr1t1",
            "MLR_LLM_OPENAI_API_KEY", "sk-s3kr1t2",
            "SLACK_BOT_TOKEN", "xoxb-s3kr1t3",
            "SLACK_APP_TOKEN", "xapp-s3kr1t4",
            "SLACK_SIGNING_SECRET", "s3kr1t5",
            "DISCORD_BOT_TOKEN", "s3kr1t6",
            "HF_TOKEN", "hf_s3kr1t7",
            "SEMANTIC_SCHOLAR_API_KEY", "s3kr1t8");

    @TempDir
    Path dir;

    @Test
    void secretsNeverAppearInToStringOrDescribe() {
        LoadedConfig loaded = ConfigLoader.load(null, null, SECRETS);
        MlrConfig config = loaded.config();

        List<String> texts = List.of(
                loaded.toString(),
                config.toString(),
                config.llm().toString(),
                config.slack().toString(),
                config.discord().toString(),
                config.research().toString(),
                loaded.describe(),
                String.join("\n", loaded.warnings()));

        assertThat(config.secretValues()).hasSize(8);
        for (String text : texts) {
            assertThat(text).doesNotContain("s3kr1t");
        }
        assertThat(loaded.describe()).contains("llm.anthropicApiKey = ****   (environment variable ANTHROPIC_API_KEY)");
    }

    @Test
    void secretsAreRedactedInExceptions() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "slack:\n  botToken: [xoxb-s3kr1t, second-s3kr1t]\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir, Map.of()));

        assertThat(e.getMessage())
                .isEqualTo("slack.botToken: **** must be a single value, not a list (from mlr.yaml)")
                .doesNotContain("s3kr1t");
    }

    @Test
    void invalidYamlMessageDoesNotQuoteTheFile() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "llm:\n  anthropicApiKey: sk-s3kr1t: oops\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir, Map.of()));

        assertThat(e.getMessage()).contains("is not valid YAML").doesNotContain("s3kr1t");
    }

    @Test
    void secretsInUnknownMlrVariablesAreNotEchoed() {
        LoadedConfig loaded = ConfigLoader.load(null, null, Map.of("MLR_LLM_ANTHROPIC_KEY", "sk-s3kr1t"));

        assertThat(loaded.warnings()).singleElement().asString().doesNotContain("s3kr1t");
    }
}
