package org.mlrcopilot.bot.llm;

import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;

/** How one provider's API writes answers and errors, streamed or not. */
interface WireFormat {

    MockResponse text(FakeReply.Text reply, String model, RecordedLlmRequest request);

    MockResponse toolCall(FakeReply.ToolCall reply, String model, RecordedLlmRequest request);

    MockResponse error(int status, String message);

    String unknownModelMessage(String model);

    static Optional<WireFormat> forPath(String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (withoutQuery.endsWith("/chat/completions")) {
            return Optional.of(new OpenAiWire());
        }
        if (withoutQuery.endsWith("/v1/messages")) {
            return Optional.of(new AnthropicWire());
        }
        if (withoutQuery.endsWith("/api/chat")) {
            return Optional.of(new OllamaWire());
        }
        return Optional.empty();
    }
}
