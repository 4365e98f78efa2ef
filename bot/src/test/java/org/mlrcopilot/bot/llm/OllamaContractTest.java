package org.mlrcopilot.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

class OllamaContractTest extends LlmProviderContract {

    @Override
    String provider() {
        return "ollama";
    }

    @Override
    void assertCredentials(RecordedLlmRequest request) {
        assertThat(request.path()).isEqualTo("/api/chat");
        assertThat(request.header("Authorization")).isEmpty();
        assertThat(request.header("x-api-key")).isEmpty();
    }

    @Override
    String rejectedKeyHint() {
        return "llm.baseUrl";
    }

    @Override
    JsonNode sentSchema(JsonNode body) {
        return body.path("format");
    }

    @Override
    String sentToolName(JsonNode body) {
        return body.path("tools").path(0).path("function").path("name").asText();
    }

    @Override
    long expectedCachedTokens(int cachedTokens) {
        return 0;
    }
}
