package org.mlrcopilot.bot.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The configured language models: {@code main} for the research agents, {@code fast} for small tasks, and a
 * streaming variant of the main model. {@code cachedTokens} reads the prompt-cache hits from a response's
 * {@link TokenUsage} (0 when the provider reports none).
 */
public record LlmModels(
        String provider,
        String mainModel,
        String fastModel,
        ChatModel main,
        ChatModel fast,
        StreamingChatModel mainStreaming,
        ToLongFunction<TokenUsage> cachedTokens) {

    public LlmModels {
        requireText(provider, "provider");
        requireText(mainModel, "mainModel");
        requireText(fastModel, "fastModel");
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(fast, "fast");
        Objects.requireNonNull(mainStreaming, "mainStreaming");
        Objects.requireNonNull(cachedTokens, "cachedTokens");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
