package org.mlrcopilot.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

class OpenAiContractTest extends LlmProviderContract {

    @Override
    String provider() {
        return "openai";
    }

    @Override
    void assertCredentials(RecordedLlmRequest request) {
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).contains("Bearer " + OPENAI_KEY);
        assertThat(request.header("x-api-key")).isEmpty();
    }

    @Override
    String rejectedKeyHint() {
        return "OPENAI_API_KEY";
    }

    @Override
    JsonNode sentSchema(JsonNode body) {
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        return format.path("json_schema").path("schema");
    }

    @Override
    String sentToolName(JsonNode body) {
        return body.path("tools").path(0).path("function").path("name").asText();
    }
}
