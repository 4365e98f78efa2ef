package org.mlrcopilot.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.config.ConfigLoader;
import org.mlrcopilot.config.LlmConfig;

/** With no model configured, a local Ollama answering /api/tags is used; otherwise nothing changes. */
class OllamaProbeTest {

    private final MockWebServer ollama = new MockWebServer();

    @AfterEach
    void stop() throws IOException {
        ollama.shutdown();
    }

    private static LlmConfig llm(Map<String, String> env) {
        return ConfigLoader.load(null, null, env).config().llm();
    }

    private String base() {
        String url = ollama.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    @Test
    void aLocalOllamaWithModelsIsUsed() throws Exception {
        ollama.enqueue(new MockResponse()
                .setHeader("Content-Type", "application/json")
                .setBody("{\"models\":[{\"name\":\"qwen2.5:7b\"},{\"name\":\"llama3.1:8b\"}]}"));
        ollama.start();

        LlmConfig found = OllamaProbe.detect(llm(Map.of()), base()).orElseThrow();

        assertThat(found.provider()).isEqualTo("ollama");
        assertThat(found.model()).isEqualTo("qwen2.5:7b");
        assertThat(found.baseUrl()).isEqualTo(base());
        assertThat(ollama.takeRequest().getPath()).isEqualTo("/api/tags");
        assertThat(LlmProviders.fromConfig(found)).isPresent();
    }

    @Test
    void theConfiguredModelIsPreferredWhenOllamaHasIt() throws Exception {
        ollama.enqueue(new MockResponse().setBody("{\"models\":[{\"name\":\"a\"},{\"name\":\"llama3.1:8b\"}]}"));
        ollama.start();

        assertThat(OllamaProbe.detect(llm(Map.of("MLR_LLM_MODEL", "llama3.1:8b")), base())
                        .orElseThrow()
                        .model())
                .isEqualTo("llama3.1:8b");
    }

    @Test
    void nothingWhenOllamaIsAbsentEmptyOrAKeyIsSet() throws Exception {
        ollama.enqueue(new MockResponse().setBody("{\"models\":[]}"));
        ollama.start();
        assertThat(OllamaProbe.detect(llm(Map.of()), base())).isEmpty();
        assertThat(OllamaProbe.detect(llm(Map.of("OPENAI_API_KEY", "sk-x")), base()))
                .isEmpty();
        assertThat(OllamaProbe.detect(llm(Map.of()), "http://127.0.0.1:9")).isEmpty();
        assertThat(ollama.getRequestCount()).isEqualTo(1);
    }
}
