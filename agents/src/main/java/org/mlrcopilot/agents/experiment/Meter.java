package org.mlrcopilot.agents.experiment;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/** Counts the tokens of the model calls of the current step. */
final class Meter {

    private long inputTokens;
    private long outputTokens;

    ChatResponse chat(ChatModel model, ChatRequest request) {
        ChatResponse response = model.chat(request);
        TokenUsage usage = response.tokenUsage();
        if (usage != null) {
            inputTokens += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            outputTokens += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        }
        return response;
    }

    void reset() {
        inputTokens = 0;
        outputTokens = 0;
    }

    long inputTokens() {
        return inputTokens;
    }

    long outputTokens() {
        return outputTokens;
    }
}
