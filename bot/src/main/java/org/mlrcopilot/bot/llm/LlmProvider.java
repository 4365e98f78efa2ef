package org.mlrcopilot.bot.llm;

import java.util.Arrays;

/** The supported values of {@code llm.provider}, with each one's defaults. */
enum LlmProvider {
    ANTHROPIC(
            "anthropic",
            "Anthropic API",
            "claude-sonnet-4-5",
            "claude-haiku-4-5",
            "https://api.anthropic.com/v1/",
            "ANTHROPIC_API_KEY (or CLAUDE_API_KEY)"),
    OPENAI("openai", "OpenAI API", "gpt-4o", "gpt-4o-mini", "https://api.openai.com/v1", "OPENAI_API_KEY"),
    OLLAMA("ollama", "Ollama server", "llama3.1", "llama3.1", "http://localhost:11434", ""),
    OPENAI_COMPATIBLE("openai-compatible", "OpenAI-compatible API", "", "", "", "OPENAI_API_KEY");

    private final String configName;
    private final String displayName;
    private final String defaultModel;
    private final String defaultFastModel;
    private final String defaultBaseUrl;
    private final String keyVariable;

    LlmProvider(
            String configName,
            String displayName,
            String defaultModel,
            String defaultFastModel,
            String defaultBaseUrl,
            String keyVariable) {
        this.configName = configName;
        this.displayName = displayName;
        this.defaultModel = defaultModel;
        this.defaultFastModel = defaultFastModel;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyVariable = keyVariable;
    }

    static LlmProvider fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(p -> p.configName.equals(name))
                .findFirst()
                .orElseThrow(() -> new LlmConfigurationException(
                        "llm.provider is '" + name + "': set it to anthropic, openai, ollama or openai-compatible"));
    }

    String configName() {
        return configName;
    }

    String displayName() {
        return displayName;
    }

    String defaultModel() {
        return defaultModel;
    }

    String defaultFastModel() {
        return defaultFastModel;
    }

    String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The environment variable holding this provider's API key; empty when it takes none. */
    String keyVariable() {
        return keyVariable;
    }
}
