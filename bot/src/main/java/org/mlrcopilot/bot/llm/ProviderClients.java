package org.mlrcopilot.bot.llm;

import static dev.langchain4j.model.chat.Capability.RESPONSE_FORMAT_JSON_SCHEMA;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Builds the langchain4j clients of each provider with the configured endpoint, key, temperature, timeout and retries;
 * a rate limit's {@code Retry-After} is waited out ({@link RetryAfterHttpClient}). Request and response logging stays
 * off so that keys and prompts never reach the log.
 */
final class ProviderClients {

    /** Anthropic requires max_tokens; this leaves room for long answers without being the model's hard limit. */
    static final int ANTHROPIC_MAX_TOKENS = 8192;

    private ProviderClients() {}

    static ChatModel chat(LlmSettings settings, String model) {
        return switch (settings.provider()) {
            case ANTHROPIC -> anthropic(settings, model);
            case OPENAI, OPENAI_COMPATIBLE -> openAi(settings, model);
            case OLLAMA -> ollama(settings, model);
        };
    }

    static StreamingChatModel streaming(LlmSettings settings, String model) {
        return switch (settings.provider()) {
            case ANTHROPIC -> anthropicStreaming(settings, model);
            case OPENAI, OPENAI_COMPATIBLE -> openAiStreaming(settings, model);
            case OLLAMA -> ollamaStreaming(settings, model);
        };
    }

    private static ChatModel anthropic(LlmSettings s, String model) {
        return AnthropicChatModel.builder()
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey().reveal())
                .modelName(model)
                .temperature(s.temperature())
                .maxTokens(ANTHROPIC_MAX_TOKENS)
                .timeout(s.timeout())
                .maxRetries(s.maxRetries())
                .supportedCapabilities(RESPONSE_FORMAT_JSON_SCHEMA)
                .httpClientBuilder(RetryAfterHttpClient.builder(s.maxRetries()))
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static StreamingChatModel anthropicStreaming(LlmSettings s, String model) {
        return AnthropicStreamingChatModel.builder()
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey().reveal())
                .modelName(model)
                .temperature(s.temperature())
                .maxTokens(ANTHROPIC_MAX_TOKENS)
                .timeout(s.timeout())
                .supportedCapabilities(RESPONSE_FORMAT_JSON_SCHEMA)
                .httpClientBuilder(RetryAfterHttpClient.builder(s.maxRetries()))
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static ChatModel openAi(LlmSettings s, String model) {
        return OpenAiChatModel.builder()
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey().reveal())
                .modelName(model)
                .temperature(s.temperature())
                .timeout(s.timeout())
                .maxRetries(s.maxRetries())
                .supportedCapabilities(RESPONSE_FORMAT_JSON_SCHEMA)
                .strictJsonSchema(true)
                .httpClientBuilder(RetryAfterHttpClient.builder(s.maxRetries()))
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static StreamingChatModel openAiStreaming(LlmSettings s, String model) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey().reveal())
                .modelName(model)
                .temperature(s.temperature())
                .timeout(s.timeout())
                .strictJsonSchema(true)
                .httpClientBuilder(RetryAfterHttpClient.builder(s.maxRetries()))
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static ChatModel ollama(LlmSettings s, String model) {
        return OllamaChatModel.builder()
                .maxRetries(s.maxRetries())
                .baseUrl(s.baseUrl())
                .modelName(model)
                .temperature(s.temperature())
                .timeout(s.timeout())
                .supportedCapabilities(RESPONSE_FORMAT_JSON_SCHEMA)
                .httpClientBuilder(RetryAfterHttpClient.builder(s.maxRetries()))
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static StreamingChatModel ollamaStreaming(LlmSettings s, String model) {
        return OllamaStreamingChatModel.builder()
                .baseUrl(s.baseUrl())
                .modelName(model)
                .temperature(s.temperature())
                .timeout(s.timeout())
                .supportedCapabilities(RESPONSE_FORMAT_JSON_SCHEMA)
                .httpClientBuilder(RetryAfterHttpClient.builder(s.maxRetries()))
                .logRequests(false)
                .logResponses(false)
                .build();
    }
}
