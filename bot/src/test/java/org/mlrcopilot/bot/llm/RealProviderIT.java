package org.mlrcopilot.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.config.ConfigLoader;
import org.mlrcopilot.config.LlmConfig;

/** One short chat with the real provider; skipped unless an API key is in the environment. */
class RealProviderIT {

    private static final Set<String> KEY_VARIABLES = Set.of("ANTHROPIC_API_KEY", "CLAUDE_API_KEY", "OPENAI_API_KEY");

    @TempDir
    Path dir;

    @Test
    void theConfiguredProviderAnswersAOneLineChat() {
        Map<String, String> environment = llmEnvironment();
        assumeTrue(
                environment.keySet().stream().anyMatch(KEY_VARIABLES::contains),
                "set ANTHROPIC_API_KEY or OPENAI_API_KEY to talk to a real provider");
        LlmConfig config = ConfigLoader.load(dir, environment).config().llm();
        LlmModels models = LlmProviders.fromConfig(config).orElseThrow();

        ChatResponse response = models.fast()
                .chat(ChatRequest.builder()
                        .messages(UserMessage.from("Reply with the single word: pong"))
                        .build());

        assertThat(response.aiMessage().text()).containsIgnoringCase("pong");
        assertThat(response.tokenUsage().inputTokenCount()).isPositive();
        assertThat(response.modelName()).isNotBlank();
    }

    private static Map<String, String> llmEnvironment() {
        return System.getenv().entrySet().stream()
                .filter(e -> KEY_VARIABLES.contains(e.getKey()) || e.getKey().startsWith("MLR_LLM_"))
                .filter(e -> !e.getValue().isBlank())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
