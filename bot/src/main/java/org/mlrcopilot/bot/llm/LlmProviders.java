package org.mlrcopilot.bot.llm;

import dev.langchain4j.model.chat.ChatModel;
import java.util.Objects;
import java.util.Optional;
import org.mlrcopilot.config.LlmConfig;

/**
 * Builds the language models from the configuration. The provider is {@code llm.provider} when set; otherwise
 * Anthropic when its API key is present, then OpenAI when its key is present, and none at all without a key.
 */
public final class LlmProviders {

    private LlmProviders() {}

    /** Empty when no provider is set and no API key is found. */
    public static Optional<LlmModels> fromConfig(LlmConfig config) {
        Objects.requireNonNull(config, "config");
        return choose(config).map(provider -> build(LlmSettings.resolve(provider, config)));
    }

    static Optional<LlmProvider> choose(LlmConfig config) {
        if (config.provider() != null && !config.provider().isBlank()) {
            return Optional.of(LlmProvider.fromConfigName(config.provider().strip()));
        }
        if (config.anthropicApiKey().isPresent()) {
            return Optional.of(LlmProvider.ANTHROPIC);
        }
        if (config.openaiApiKey().isPresent()) {
            return Optional.of(LlmProvider.OPENAI);
        }
        return Optional.empty();
    }

    private static LlmModels build(LlmSettings settings) {
        ErrorExplainer mainErrors = new ErrorExplainer(settings, "llm.model", settings.mainModel());
        ErrorExplainer fastErrors = new ErrorExplainer(settings, "llm.fastModel", settings.fastModel());
        ChatModel main = new ExplainingChatModel(ProviderClients.chat(settings, settings.mainModel()), mainErrors);
        ChatModel fast = new ExplainingChatModel(ProviderClients.chat(settings, settings.fastModel()), fastErrors);
        var streaming =
                new ExplainingStreamingChatModel(ProviderClients.streaming(settings, settings.mainModel()), mainErrors);
        return new LlmModels(
                settings.provider().configName(),
                settings.mainModel(),
                settings.fastModel(),
                main,
                fast,
                streaming,
                CachedTokens::of);
    }
}
