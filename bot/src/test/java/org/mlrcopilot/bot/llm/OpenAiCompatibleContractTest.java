package org.mlrcopilot.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.config.LlmConfig;
import org.mlrcopilot.config.Secret;

class OpenAiCompatibleContractTest extends LlmProviderContract {

    @Override
    String provider() {
        return "openai-compatible";
    }

    @Override
    void assertCredentials(RecordedLlmRequest request) {
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).contains("Bearer " + OPENAI_KEY);
    }

    @Override
    String rejectedKeyHint() {
        return "OPENAI_API_KEY";
    }

    @Override
    JsonNode sentSchema(JsonNode body) {
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
        return body.path("response_format").path("json_schema").path("schema");
    }

    @Override
    String sentToolName(JsonNode body) {
        return body.path("tools").path(0).path("function").path("name").asText();
    }

    @Test
    void sendsAPlaceholderKeyWhenNoneIsSet() {
        LlmConfig noKey = new LlmConfig(
                "openai-compatible",
                "local-model",
                "",
                fake.baseUrl(provider()),
                0.2,
                TIMEOUT,
                0,
                Secret.none(),
                Secret.none());
        fake.enqueueText("ok");

        LlmModels local = LlmProviders.fromConfig(noKey).orElseThrow();

        assertThat(local.fast().chat("hello")).isEqualTo("ok");
        assertThat(fake.lastRequest().header("Authorization")).contains("Bearer none");
        assertThat(fake.lastRequest().model()).isEqualTo("local-model");
    }
}
