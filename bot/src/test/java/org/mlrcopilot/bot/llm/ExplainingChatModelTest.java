package org.mlrcopilot.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.config.Secret;

class ExplainingChatModelTest {

    static final ChatRequestParameters PARAMETERS =
            ChatRequestParameters.builder().modelName("m").build();

    static LlmSettings settings(LlmProvider provider) {
        return new LlmSettings(
                provider,
                "main-model",
                "fast-model",
                "https://llm.example/v1",
                Secret.of("sk"),
                0.2,
                Duration.ofSeconds(5),
                1);
    }

    static ChatModel explaining(RuntimeException failure, LlmProvider provider, String modelKey) {
        ChatModel failing = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw failure;
            }

            @Override
            public ChatRequestParameters defaultRequestParameters() {
                return PARAMETERS;
            }

            @Override
            public Set<Capability> supportedCapabilities() {
                return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
            }

            @Override
            public ModelProvider provider() {
                return ModelProvider.OTHER;
            }
        };
        return new ExplainingChatModel(failing, new ErrorExplainer(settings(provider), modelKey, "the-model"));
    }

    @Test
    void delegatesTheModelsDescription() {
        ChatModel model = explaining(new IllegalStateException(), LlmProvider.OPENAI, "llm.model");

        assertThat(model.defaultRequestParameters()).isSameAs(PARAMETERS);
        assertThat(model.supportedCapabilities()).containsExactly(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        assertThat(model.provider()).isEqualTo(ModelProvider.OTHER);
    }

    @Test
    void otherErrorsPassThroughUnchanged() {
        RateLimitException rateLimit = new RateLimitException("slow down");
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() ->
                        explaining(rateLimit, LlmProvider.OPENAI, "llm.model").chat("hi"))
                .isSameAs(rateLimit);
        assertThatThrownBy(() ->
                        explaining(bug, LlmProvider.ANTHROPIC, "llm.model").chat("hi"))
                .isSameAs(bug);
    }

    @Test
    void aForbiddenKeyNamesTheStatusAndTheVariable() {
        var forbidden = new AuthenticationException(new HttpException(403, "{\"error\":\"forbidden\"}"));

        assertThatThrownBy(() -> explaining(forbidden, LlmProvider.ANTHROPIC, "llm.model")
                        .chat("hi"))
                .isInstanceOf(LlmConfigurationException.class)
                .hasCause(forbidden)
                .hasMessage("the Anthropic API rejected the key (HTTP 403): "
                        + "check ANTHROPIC_API_KEY (or CLAUDE_API_KEY)");
    }

    @Test
    void aCompatibleServerIsNamedByItsUrl() {
        var rejected = new AuthenticationException(new HttpException(401, "no"));

        assertThatThrownBy(() -> explaining(rejected, LlmProvider.OPENAI_COMPATIBLE, "llm.model")
                        .chat("hi"))
                .hasMessageContaining("https://llm.example/v1")
                .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void anUnknownModelNamesTheFastModelKey() {
        var unknown = new ModelNotFoundException(new HttpException(404, "{\"error\":\"model 'the-model' not found\"}"));

        assertThatThrownBy(() ->
                        explaining(unknown, LlmProvider.OLLAMA, "llm.fastModel").chat("hi"))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessageContaining("'the-model'")
                .hasMessageContaining("llm.fastModel (MLR_LLM_FAST_MODEL)")
                .hasMessageNotContaining("llm.baseUrl");
    }

    @Test
    void aNotFoundThatIsNotAboutTheModelAlsoPointsAtTheBaseUrl() {
        var notFound = new ModelNotFoundException(new HttpException(404, "<html>Not Found</html>"));

        assertThatThrownBy(() -> explaining(notFound, LlmProvider.OPENAI_COMPATIBLE, "llm.model")
                        .chat("hi"))
                .hasMessageContaining("llm.model")
                .hasMessageContaining("llm.baseUrl");
    }
}
