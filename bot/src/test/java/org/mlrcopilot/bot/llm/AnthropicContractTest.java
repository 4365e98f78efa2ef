package org.mlrcopilot.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.config.LlmConfig;
import org.mlrcopilot.config.Secret;

class AnthropicContractTest extends LlmProviderContract {

    @Override
    String provider() {
        return "anthropic";
    }

    @Override
    void assertCredentials(RecordedLlmRequest request) {
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).contains(ANTHROPIC_KEY);
        assertThat(request.header("anthropic-version")).isPresent();
        assertThat(request.header("Authorization")).isEmpty();
    }

    @Override
    String rejectedKeyHint() {
        return "ANTHROPIC_API_KEY";
    }

    @Override
    JsonNode sentSchema(JsonNode body) {
        JsonNode format = body.path("output_config").path("format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        return format.path("schema");
    }

    @Override
    String sentToolName(JsonNode body) {
        return body.path("tools").path(0).path("name").asText();
    }

    @Test
    void acceptsABaseUrlWithoutTheTrailingSlash() {
        String withoutSlash = fake.baseUrl(provider()).replaceAll("/$", "");
        LlmConfig config = new LlmConfig(
                "anthropic", "", "", withoutSlash, 0.2, TIMEOUT, 0, Secret.of(ANTHROPIC_KEY), Secret.none());
        fake.enqueueText("ok");

        assertThat(LlmProviders.fromConfig(config).orElseThrow().main().chat("hello"))
                .isEqualTo("ok");
        assertThat(fake.lastRequest().path()).isEqualTo("/v1/messages");
        assertThat(fake.lastRequest().model()).isEqualTo("claude-sonnet-4-5");
    }
}
