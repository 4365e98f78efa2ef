package org.mlrcopilot.bot.llm;

import java.time.Duration;
import java.util.Objects;
import org.mlrcopilot.config.LlmConfig;
import org.mlrcopilot.config.Secret;

/** The configuration of one provider with every default filled in and every requirement checked. */
record LlmSettings(
        LlmProvider provider,
        String mainModel,
        String fastModel,
        String baseUrl,
        Secret apiKey,
        double temperature,
        Duration timeout,
        int maxRetries) {

    private static final Secret NO_KEY_PLACEHOLDER = Secret.of("none");

    LlmSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        if (mainModel == null || mainModel.isBlank() || fastModel == null || fastModel.isBlank()) {
            throw new IllegalArgumentException("model names must not be blank");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl must not be blank");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
    }

    static LlmSettings resolve(LlmProvider provider, LlmConfig config) {
        String baseUrl = orDefault(config.baseUrl(), provider.defaultBaseUrl());
        if (baseUrl.isEmpty()) {
            throw missing(
                    provider,
                    "llm.baseUrl",
                    "MLR_LLM_BASE_URL",
                    "the server's API endpoint, e.g. http://localhost:8000/v1");
        }
        String main = orDefault(config.model(), provider.defaultModel());
        if (main.isEmpty()) {
            throw missing(provider, "llm.model", "MLR_LLM_MODEL", "the name of the model the server serves");
        }
        String fast = orDefault(
                config.fastModel(), provider == LlmProvider.OPENAI_COMPATIBLE ? main : provider.defaultFastModel());
        return new LlmSettings(
                provider,
                main,
                fast,
                baseUrl,
                apiKey(provider, config),
                config.temperature(),
                config.timeout(),
                config.maxRetries());
    }

    private static Secret apiKey(LlmProvider provider, LlmConfig config) {
        Secret key = switch (provider) {
            case ANTHROPIC -> config.anthropicApiKey();
            case OPENAI, OPENAI_COMPATIBLE -> config.openaiApiKey();
            case OLLAMA -> NO_KEY_PLACEHOLDER;
        };
        if (key.isPresent()) {
            return key;
        }
        if (provider == LlmProvider.OPENAI_COMPATIBLE) {
            return NO_KEY_PLACEHOLDER;
        }
        throw new LlmConfigurationException(
                "llm.provider is " + provider.configName() + " but no API key is set: set " + provider.keyVariable());
    }

    private static LlmConfigurationException missing(
            LlmProvider provider, String key, String variable, String meaning) {
        return new LlmConfigurationException("llm.provider is " + provider.configName() + " but " + key
                + " is not set: set " + key + " (" + variable + ") to " + meaning);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
