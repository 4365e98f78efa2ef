package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.LLM_ANTHROPIC_API_KEY;
import static org.mlrcopilot.config.Key.LLM_BASE_URL;
import static org.mlrcopilot.config.Key.LLM_FAST_MODEL;
import static org.mlrcopilot.config.Key.LLM_MAX_RETRIES;
import static org.mlrcopilot.config.Key.LLM_MODEL;
import static org.mlrcopilot.config.Key.LLM_OPENAI_API_KEY;
import static org.mlrcopilot.config.Key.LLM_PROVIDER;
import static org.mlrcopilot.config.Key.LLM_TEMPERATURE;
import static org.mlrcopilot.config.Key.LLM_TIMEOUT;

import java.time.Duration;

/** The language model used by the agents. An empty provider means none is configured. */
public record LlmConfig(
        String provider,
        String model,
        String fastModel,
        String baseUrl,
        double temperature,
        Duration timeout,
        int maxRetries,
        Secret anthropicApiKey,
        Secret openaiApiKey) {

    public LlmConfig {
        LLM_PROVIDER.require(provider);
        LLM_MODEL.require(model);
        LLM_FAST_MODEL.require(fastModel);
        LLM_BASE_URL.require(baseUrl);
        LLM_TEMPERATURE.require(temperature);
        LLM_TIMEOUT.require(timeout);
        LLM_MAX_RETRIES.require(maxRetries);
        LLM_ANTHROPIC_API_KEY.require(anthropicApiKey);
        LLM_OPENAI_API_KEY.require(openaiApiKey);
    }

    static LlmConfig from(Values v) {
        return new LlmConfig(
                v.text(LLM_PROVIDER),
                v.text(LLM_MODEL),
                v.text(LLM_FAST_MODEL),
                v.text(LLM_BASE_URL),
                v.decimal(LLM_TEMPERATURE),
                v.duration(LLM_TIMEOUT),
                v.integer(LLM_MAX_RETRIES),
                v.secret(LLM_ANTHROPIC_API_KEY),
                v.secret(LLM_OPENAI_API_KEY));
    }
}
