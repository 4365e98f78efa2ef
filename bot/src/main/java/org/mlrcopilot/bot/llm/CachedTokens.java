package org.mlrcopilot.bot.llm;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

/** Reads the prompt tokens served from the provider's cache out of its {@link TokenUsage} subclass. */
final class CachedTokens {

    private CachedTokens() {}

    static long of(TokenUsage usage) {
        if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null) {
            return orZero(openAi.inputTokensDetails().cachedTokens());
        }
        if (usage instanceof AnthropicTokenUsage anthropic) {
            return orZero(anthropic.cacheReadInputTokens());
        }
        return 0;
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
