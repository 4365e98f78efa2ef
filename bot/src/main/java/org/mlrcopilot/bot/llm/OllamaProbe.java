package org.mlrcopilot.bot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.config.LlmConfig;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/**
 * With no language model configured, looks for a local Ollama on its default port and, if one answers with at
 * least one model, configures it (the configured llm.model if Ollama has it, else its first model).
 */
public final class OllamaProbe {

    public static final String DEFAULT_URL = "http://localhost:11434";

    private OllamaProbe() {}

    public static Optional<LlmConfig> detect(LlmConfig config, String baseUrl) {
        if (!config.provider().isBlank()
                || config.anthropicApiKey().isPresent()
                || config.openaiApiKey().isPresent()) {
            return Optional.empty();
        }
        List<String> models = models(baseUrl);
        if (models.isEmpty()) {
            return Optional.empty();
        }
        String model = models.contains(config.model()) ? config.model() : models.get(0);
        return Optional.of(new LlmConfig(
                "ollama",
                model,
                config.fastModel().isBlank() ? model : config.fastModel(),
                baseUrl,
                config.temperature(),
                config.timeout(),
                config.maxRetries(),
                config.anthropicApiKey(),
                config.openaiApiKey()));
    }

    static List<String> models(String baseUrl) {
        FetchPolicy local = FetchPolicy.defaults()
                .withAllowPrivateAddresses(true)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(3));
        try (GuardedHttpClient http = new GuardedHttpClient(local)) {
            JsonNode tags = new ObjectMapper()
                    .readTree(http.get(FetchRequest.get(baseUrl + "/api/tags").retries(0))
                            .text());
            List<String> names = new ArrayList<>();
            tags.path("models").forEach(m -> names.add(m.path("name").asText()));
            return names.stream().filter(n -> !n.isBlank()).toList();
        } catch (Exception e) {
            return List.of();
        }
    }
}
