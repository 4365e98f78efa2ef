package org.mlrcopilot.bot.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the provider errors a user fixes in the configuration (a rejected key, an unknown model) into
 * {@link LlmConfigurationException}s naming what to change. Every other error passes through unchanged.
 */
record ErrorExplainer(LlmSettings settings, String modelKey, String model) {

    ErrorExplainer {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(modelKey, "modelKey");
        Objects.requireNonNull(model, "model");
    }

    RuntimeException explain(RuntimeException error) {
        if (error instanceof AuthenticationException) {
            return new LlmConfigurationException(rejectedKey(error), error);
        }
        if (error instanceof ModelNotFoundException) {
            return new LlmConfigurationException(unknownModel(error), error);
        }
        return error;
    }

    Throwable explain(Throwable error) {
        return error instanceof RuntimeException runtime ? explain(runtime) : error;
    }

    private String rejectedKey(Throwable error) {
        LlmProvider provider = settings.provider();
        String where = provider == LlmProvider.ANTHROPIC || provider == LlmProvider.OPENAI
                ? "the " + provider.displayName()
                : "the " + provider.displayName() + " at " + settings.baseUrl();
        String status = " (HTTP " + status(error).map(String::valueOf).orElse("401") + ")";
        if (provider.keyVariable().isEmpty()) {
            return where + " refused the request" + status + ": check llm.baseUrl (MLR_LLM_BASE_URL), "
                    + provider.configName() + " is used without an API key";
        }
        return where + " rejected the key" + status + ": check " + provider.keyVariable();
    }

    private String unknownModel(Throwable error) {
        String message = "the " + settings.provider().displayName() + " does not know the model '" + model
                + "' (HTTP 404): set " + modelKey + " (" + variable() + ") to a model it serves";
        return mentionsModel(error) ? message : message + ", or check llm.baseUrl (MLR_LLM_BASE_URL)";
    }

    private String variable() {
        return "llm.fastModel".equals(modelKey) ? "MLR_LLM_FAST_MODEL" : "MLR_LLM_MODEL";
    }

    private static Optional<Integer> status(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return Optional.of(http.statusCode());
            }
        }
        return Optional.empty();
    }

    private static boolean mentionsModel(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("model")) {
                return true;
            }
        }
        return false;
    }
}
