package org.mlrcopilot.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import org.junit.jupiter.api.Test;

class CachedTokensTest {

    @Test
    void readsOpenAiCachedPromptTokens() {
        OpenAiTokenUsage usage = OpenAiTokenUsage.builder()
                .inputTokenCount(100)
                .outputTokenCount(10)
                .inputTokensDetails(OpenAiTokenUsage.InputTokensDetails.builder()
                        .cachedTokens(64)
                        .build())
                .build();

        assertThat(CachedTokens.of(usage)).isEqualTo(64);
    }

    @Test
    void readsAnthropicCacheReads() {
        AnthropicTokenUsage usage = AnthropicTokenUsage.builder()
                .inputTokenCount(100)
                .outputTokenCount(10)
                .cacheCreationInputTokens(5)
                .cacheReadInputTokens(80)
                .build();

        assertThat(CachedTokens.of(usage)).isEqualTo(80);
    }

    @Test
    void isZeroWhenNothingIsReported() {
        assertThat(CachedTokens.of(new TokenUsage(100, 10))).isZero();
        assertThat(CachedTokens.of(OpenAiTokenUsage.builder().inputTokenCount(1).build()))
                .isZero();
        assertThat(CachedTokens.of(
                        AnthropicTokenUsage.builder().inputTokenCount(1).build()))
                .isZero();
        assertThat(CachedTokens.of(null)).isZero();
    }
}
