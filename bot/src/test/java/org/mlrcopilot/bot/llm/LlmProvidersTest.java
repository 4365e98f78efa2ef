package org.mlrcopilot.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.config.ConfigLoader;
import org.mlrcopilot.config.LlmConfig;
import org.mlrcopilot.config.Secret;

class LlmProvidersTest {

    @TempDir
    Path dir;

    static LlmConfig config(
            String provider, String model, String fastModel, String baseUrl, String anthropicKey, String openaiKey) {
        return new LlmConfig(
                provider,
                model,
                fastModel,
                baseUrl,
                0.2,
                Duration.ofSeconds(30),
                3,
                Secret.of(anthropicKey),
                Secret.of(openaiKey));
    }

    static LlmConfig keys(String provider, String anthropicKey, String openaiKey) {
        return config(provider, "", "", "", anthropicKey, openaiKey);
    }

    @Test
    void noProviderAndNoKeyMeansNoModels() {
        assertThat(LlmProviders.fromConfig(keys("", "", ""))).isEmpty();
    }

    @Test
    void anAnthropicKeyAloneChoosesAnthropicWithItsDefaultModels() {
        LlmModels models = LlmProviders.fromConfig(keys("", "sk-ant", "")).orElseThrow();

        assertThat(models.provider()).isEqualTo("anthropic");
        assertThat(models.mainModel()).isEqualTo("claude-sonnet-4-5");
        assertThat(models.fastModel()).isEqualTo("claude-haiku-4-5");
    }

    @Test
    void anthropicWinsWhenBothKeysArePresent() {
        assertThat(LlmProviders.choose(keys("", "sk-ant", "sk-openai"))).contains(LlmProvider.ANTHROPIC);
    }

    @Test
    void anOpenAiKeyAloneChoosesOpenAiWithItsDefaultModels() {
        LlmModels models = LlmProviders.fromConfig(keys("", "", "sk-openai")).orElseThrow();

        assertThat(models.provider()).isEqualTo("openai");
        assertThat(models.mainModel()).isEqualTo("gpt-4o");
        assertThat(models.fastModel()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void theConfiguredProviderWinsOverTheKeys() {
        assertThat(LlmProviders.choose(keys("openai", "sk-ant", "sk-openai"))).contains(LlmProvider.OPENAI);
        assertThat(LlmProviders.choose(keys("ollama", "sk-ant", ""))).contains(LlmProvider.OLLAMA);
    }

    @Test
    void configuredModelsReplaceTheDefaults() {
        LlmModels models = LlmProviders.fromConfig(config("openai", "gpt-4.1", "gpt-4.1-nano", "", "", "sk"))
                .orElseThrow();

        assertThat(models.mainModel()).isEqualTo("gpt-4.1");
        assertThat(models.fastModel()).isEqualTo("gpt-4.1-nano");
    }

    @Test
    void anthropicWithoutAKeyNamesTheVariables() {
        assertThatThrownBy(() -> LlmProviders.fromConfig(keys("anthropic", "", "sk-openai")))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessage("llm.provider is anthropic but no API key is set: "
                        + "set ANTHROPIC_API_KEY (or CLAUDE_API_KEY)");
    }

    @Test
    void openAiWithoutAKeyNamesTheVariable() {
        assertThatThrownBy(() -> LlmProviders.fromConfig(keys("openai", "sk-ant", "")))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessage("llm.provider is openai but no API key is set: set OPENAI_API_KEY");
    }

    @Test
    void openAiCompatibleNeedsABaseUrl() {
        assertThatThrownBy(() -> LlmProviders.fromConfig(config("openai-compatible", "qwen", "", "", "", "")))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessageContaining("llm.baseUrl")
                .hasMessageContaining("MLR_LLM_BASE_URL");
    }

    @Test
    void openAiCompatibleNeedsAModel() {
        assertThatThrownBy(() -> LlmProviders.fromConfig(
                        config("openai-compatible", "", "", "http://localhost:8000/v1", "", "")))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessageContaining("llm.model")
                .hasMessageContaining("MLR_LLM_MODEL");
    }

    @Test
    void openAiCompatibleUsesTheMainModelAsFastModelAndNeedsNoKey() {
        LlmSettings settings = LlmSettings.resolve(
                LlmProvider.OPENAI_COMPATIBLE,
                config("openai-compatible", "qwen2.5", "", "http://localhost:8000/v1", "", ""));

        assertThat(settings.fastModel()).isEqualTo("qwen2.5");
        assertThat(settings.apiKey().reveal()).isEqualTo("none");
    }

    @Test
    void ollamaDefaultsToTheLocalServerAndLlama() {
        LlmSettings settings = LlmSettings.resolve(LlmProvider.OLLAMA, keys("ollama", "", ""));

        assertThat(settings.baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(settings.mainModel()).isEqualTo("llama3.1");
        assertThat(settings.fastModel()).isEqualTo("llama3.1");
    }

    @Test
    void theBaseUrlOverridesTheProvidersEndpoint() {
        LlmSettings settings = LlmSettings.resolve(
                LlmProvider.ANTHROPIC, config("anthropic", "", "", "https://proxy.example/v1/", "sk-ant", ""));

        assertThat(settings.baseUrl()).isEqualTo("https://proxy.example/v1/");
        assertThat(LlmSettings.resolve(LlmProvider.ANTHROPIC, keys("anthropic", "sk-ant", ""))
                        .baseUrl())
                .isEqualTo("https://api.anthropic.com/v1/");
    }

    @Test
    void settingsNeverShowTheKey() {
        LlmSettings settings = LlmSettings.resolve(LlmProvider.OPENAI, keys("openai", "", "sk-secret-value"));

        assertThat(settings.toString()).doesNotContain("sk-secret-value");
    }

    @Test
    void keysFromTheEnvironmentChooseTheProvider() {
        assertThat(providerFor(Map.of("ANTHROPIC_API_KEY", "sk-ant"))).contains("anthropic");
        assertThat(providerFor(Map.of("CLAUDE_API_KEY", "sk-ant"))).contains("anthropic");
        assertThat(providerFor(Map.of("OPENAI_API_KEY", "sk-openai"))).contains("openai");
        assertThat(providerFor(Map.of("MLR_LLM_PROVIDER", "ollama"))).contains("ollama");
        assertThat(providerFor(Map.of())).isEmpty();
    }

    private Optional<String> providerFor(Map<String, String> environment) {
        LlmConfig config = ConfigLoader.load(dir, environment).config().llm();
        return LlmProviders.fromConfig(config).map(LlmModels::provider);
    }
}
