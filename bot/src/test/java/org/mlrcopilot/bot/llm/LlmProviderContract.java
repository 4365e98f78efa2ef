package org.mlrcopilot.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.config.LlmConfig;
import org.mlrcopilot.config.Secret;

/**
 * The behaviour every provider must show through the real langchain4j clients, pointed at the {@link FakeLlmServer}
 * with {@code llm.baseUrl}. Each provider's subclass says where its API puts keys, schemas and tools.
 */
abstract class LlmProviderContract {

    static final String ANTHROPIC_KEY = "sk-ant-test-key";
    static final String OPENAI_KEY = "sk-openai-test-key";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    FakeLlmServer fake;
    LlmModels models;

    abstract String provider();

    abstract void assertCredentials(RecordedLlmRequest request);

    /** The config key or environment variable a rejected key's message must name. */
    abstract String rejectedKeyHint();

    /** The JSON schema as the request carries it. */
    abstract JsonNode sentSchema(JsonNode body);

    abstract String sentToolName(JsonNode body);

    long expectedCachedTokens(int cachedTokens) {
        return cachedTokens;
    }

    @BeforeEach
    void startServer() {
        fake = FakeLlmServer.start();
        models = modelsWith(TIMEOUT, 2);
    }

    @AfterEach
    void stopServer() {
        fake.close();
    }

    LlmModels modelsWith(Duration timeout, int maxRetries) {
        LlmConfig config = new LlmConfig(
                provider(),
                "test-main",
                "test-fast",
                fake.baseUrl(provider()),
                0.2,
                timeout,
                maxRetries,
                Secret.of(ANTHROPIC_KEY),
                Secret.of(OPENAI_KEY));
        return LlmProviders.fromConfig(config).orElseThrow();
    }

    /**
     * A small model's typical answers: prose and a code fence around the JSON, a fourth hypothesis nobody asked
     * for, reviews naming the hypotheses "Hypothesis A..C" with every rank 1 and a missing novelty assessment. The
     * stage still completes in three calls: reviews matched by position, ranks derived from the scores.
     */
    @Test
    void theIdeaStageSurvivesASloppyModel() throws java.io.IOException {
        java.nio.file.Path answers = java.nio.file.Path.of("../agents/src/test/resources/idea/answers");
        String elements = "Sure! Here is the JSON you asked for:\n```json\n"
                + java.nio.file.Files.readString(answers.resolve("elements.json")) + "\n```\nLet me know if...";
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode drafted = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(answers.resolve("hypotheses.json").toFile());
        com.fasterxml.jackson.databind.node.ArrayNode list =
                (com.fasterxml.jackson.databind.node.ArrayNode) drafted.get("hypotheses");
        com.fasterxml.jackson.databind.node.ObjectNode extra = list.get(0).deepCopy();
        extra.put("title", "A fourth idea nobody asked for");
        list.add(extra);
        com.fasterxml.jackson.databind.node.ObjectNode reviews = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(answers.resolve("review.json").toFile());
        int n = 0;
        for (com.fasterxml.jackson.databind.JsonNode r : reviews.get("reviews")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) r)
                    .put("id", "Hypothesis " + (char) ('A' + n++))
                    .put("rank", 1)
                    .remove("noveltyAssessment");
        }
        fake.enqueueText(elements)
                .enqueueText("```\n" + drafted + "\n```")
                .enqueueText("Here are my reviews: " + reviews);
        org.mlrcopilot.agents.paper.Paper paper = new org.mlrcopilot.agents.paper.Paper(
                null,
                "MLR-Copilot",
                java.util.List.of("R. Li"),
                "Autonomous machine-learning research with LLM agents.",
                java.util.List.of(new org.mlrcopilot.agents.paper.Section("Introduction", 1, "We build agents.")),
                java.util.List.of(),
                java.util.List.of(),
                "test",
                "https://example.org/paper",
                "");

        org.mlrcopilot.agents.idea.IdeaBrief brief = new org.mlrcopilot.agents.idea.IdeaAgent(
                        models.main(),
                        models.fast(),
                        q -> new org.mlrcopilot.agents.literature.RelatedWork(java.util.List.of(), java.util.List.of()),
                        org.mlrcopilot.agents.idea.IdeaSettings.defaults())
                .run(paper, org.mlrcopilot.agents.idea.IdeaProgress.silent());

        assertThat(fake.requests()).as("no repair needed").hasSize(3);
        assertThat(brief.hypotheses())
                .hasSize(3)
                .extracting(h -> h.review().rank())
                .containsExactlyInAnyOrder(1, 2, 3);
        assertThat(brief.hypotheses())
                .extracting(h -> h.review().overall())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(brief.hypotheses())
                .extracting(org.mlrcopilot.agents.idea.Hypothesis::title)
                .doesNotContain("A fourth idea nobody asked for");
        assertThat(brief.hypotheses())
                .allSatisfy(h -> assertThat(h.review().noveltyAssessment()).isEqualTo("not assessed"));
    }

    @Test
    void answersWithTextAndUsage() {
        fake.enqueueText("Scaling laws hold.", 42, 7, 5);

        ChatResponse response = models.main()
                .chat(ChatRequest.builder()
                        .messages(UserMessage.from("Propose a hypothesis"))
                        .build());

        assertThat(response.aiMessage().text()).isEqualTo("Scaling laws hold.");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(42);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(7);
        assertThat(models.cachedTokens().applyAsLong(response.tokenUsage())).isEqualTo(expectedCachedTokens(5));
        assertThat(fake.lastRequest().model()).isEqualTo("test-main");
        assertThat(fake.lastPromptText()).contains("Propose a hypothesis");
        assertThat(models.provider()).isEqualTo(provider());
    }

    @Test
    void fastModelIsAskedForItsOwnModel() {
        fake.enqueueText("short");

        assertThat(models.fast().chat("Summarise")).isEqualTo("short");
        assertThat(fake.lastRequest().model()).isEqualTo("test-fast");
    }

    @Test
    void reportsTheModelTheServerServed() {
        fake.servedModel("served-model-2025").enqueueText("hi");

        ChatResponse response = models.main()
                .chat(ChatRequest.builder().messages(UserMessage.from("hello")).build());

        assertThat(response.modelName()).isEqualTo("served-model-2025");
    }

    @Test
    void sendsTheJsonSchemaOfAStructuredRequest() {
        assertThat(models.main().supportedCapabilities()).contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        fake.enqueueText("{\"title\":\"Sparse attention\"}");

        ChatResponse response = models.main()
                .chat(ChatRequest.builder()
                        .messages(UserMessage.from("Give a hypothesis as JSON"))
                        .responseFormat(hypothesisFormat())
                        .build());

        assertThat(response.aiMessage().text()).isEqualTo("{\"title\":\"Sparse attention\"}");
        JsonNode schema = sentSchema(fake.lastRequest().body());
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("properties").path("title").path("type").asText())
                .isEqualTo("string");
        assertThat(schema.path("required").toString()).contains("title");
    }

    @Test
    void parsesAToolCall() {
        fake.enqueueToolCall("search_papers", "{\"query\":\"diffusion models\"}");

        ChatResponse response = models.main()
                .chat(ChatRequest.builder()
                        .messages(UserMessage.from("Find papers"))
                        .toolSpecifications(searchTool())
                        .build());

        assertThat(response.aiMessage().toolExecutionRequests()).hasSize(1);
        ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().get(0);
        assertThat(call.name()).isEqualTo("search_papers");
        assertThat(Json.parse(call.arguments())).isEqualTo(Json.parse("{\"query\":\"diffusion models\"}"));
        assertThat(sentToolName(fake.lastRequest().body())).isEqualTo("search_papers");
    }

    @Test
    void streamsTheWholeTextWithUsage() throws Throwable {
        fake.enqueueText("Attention is all you need.", 11, 6, 3);
        StreamCollector collector = new StreamCollector();

        models.mainStreaming()
                .chat(ChatRequest.builder().messages(UserMessage.from("stream")).build(), collector);

        ChatResponse response = collector.await(TIMEOUT);
        assertThat(collector.partialText()).isEqualTo("Attention is all you need.");
        assertThat(response.aiMessage().text()).isEqualTo("Attention is all you need.");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(11);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(6);
        assertThat(models.cachedTokens().applyAsLong(response.tokenUsage())).isEqualTo(expectedCachedTokens(3));
        assertThat(fake.lastRequest().streaming()).isTrue();
    }

    @Test
    void retriesARateLimit() {
        fake.enqueueError(429, "Rate limit reached").enqueueText("after the limit");

        assertThat(models.main().chat("hello")).isEqualTo("after the limit");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void aRateLimitIsWaitedOutAsLongAsItsRetryAfterAsks() {
        fake.enqueueError(429, "Rate limit reached").enqueueText("after the limit");

        long started = System.nanoTime();
        assertThat(models.main().chat("hello")).isEqualTo("after the limit");
        long waitedMs = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(fake.requests()).hasSize(2);
        // the fake's 429 says Retry-After: 1; the client's own first backoff would have come after about 0.1 s
        assertThat(waitedMs).as("waited at least the second Retry-After asked").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aRateLimitWhileStreamingIsWaitedOutAsLongAsItsRetryAfterAsks() throws Throwable {
        fake.enqueueError(429, "Rate limit reached").enqueueText("streamed after the limit", 7, 4, 0);
        StreamCollector collector = new StreamCollector();

        long started = System.nanoTime();
        models.mainStreaming()
                .chat(ChatRequest.builder().messages(UserMessage.from("stream")).build(), collector);
        ChatResponse response = collector.await(TIMEOUT);
        long waitedMs = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(response.aiMessage().text()).isEqualTo("streamed after the limit");
        assertThat(collector.partialText()).isEqualTo("streamed after the limit");
        assertThat(fake.requests()).hasSize(2);
        assertThat(fake.lastRequest().streaming()).isTrue();
        // the fake's 429 says Retry-After: 1; without it the stream would have failed at once
        assertThat(waitedMs).as("waited the second Retry-After asked").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aRateLimitWhileStreamingThatStaysFailsWithThePlainError() {
        fake.enqueueError(429, "Rate limit reached")
                .enqueueError(429, "Rate limit reached")
                .enqueueError(429, "Rate limit reached")
                .enqueueText("one try too many");
        StreamCollector collector = new StreamCollector();

        models.mainStreaming()
                .chat(ChatRequest.builder().messages(UserMessage.from("stream")).build(), collector);

        assertThatThrownBy(() -> collector.await(TIMEOUT))
                .isInstanceOf(dev.langchain4j.exception.RateLimitException.class);
        assertThat(fake.requests())
                .as("the first try and llm.maxRetries (2) more")
                .hasSize(3);
    }

    @Test
    void retriesAServerError() {
        fake.enqueueError(500, "The server had an error").enqueueText("recovered");

        assertThat(models.main().chat("hello")).isEqualTo("recovered");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void aRejectedKeyNamesTheKeyToFix() {
        fake.enqueueError(401, "invalid api key");

        assertThatThrownBy(() -> models.main().chat("hello"))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessageContaining(rejectedKeyHint())
                .hasMessageContaining("401")
                .hasMessageNotContaining(ANTHROPIC_KEY)
                .hasMessageNotContaining(OPENAI_KEY);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aRejectedKeyWhileStreamingNamesTheKeyToFix() {
        fake.enqueueError(401, "invalid api key");
        StreamCollector collector = new StreamCollector();

        models.mainStreaming()
                .chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), collector);

        assertThatThrownBy(() -> collector.await(TIMEOUT))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessageContaining(rejectedKeyHint());
    }

    @Test
    void anUnknownModelNamesTheModelKey() {
        fake.enqueueUnknownModel().enqueueUnknownModel();

        assertThatThrownBy(() -> models.main().chat("hello"))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessageContaining("llm.model")
                .hasMessageContaining("test-main");
        assertThatThrownBy(() -> models.fast().chat("hello"))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessageContaining("llm.fastModel")
                .hasMessageContaining("test-fast");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void aSlowAnswerTimesOutWithinTheRetryBudget() {
        Duration timeout = Duration.ofMillis(400);
        LlmModels impatient = modelsWith(timeout, 1);
        fake.enqueueSlow(Duration.ofMillis(1500), "too late").enqueueSlow(Duration.ofMillis(1500), "too late");

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.main().chat("hello")).isInstanceOf(RuntimeException.class);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed)
                .isGreaterThanOrEqualTo(timeout)
                .isLessThan(timeout.multipliedBy(2).plus(Duration.ofSeconds(3)));
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void sendsTheCredentialsInTheProvidersHeaders() {
        fake.enqueueText("ok");

        models.main().chat("hello");

        assertCredentials(fake.lastRequest());
    }

    static ResponseFormat hypothesisFormat() {
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addStringProperty("title")
                .required("title")
                .build();
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder()
                        .name("Hypothesis")
                        .rootElement(root)
                        .build())
                .build();
    }

    static ToolSpecification searchTool() {
        return ToolSpecification.builder()
                .name("search_papers")
                .description("Searches papers")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("query")
                        .required("query")
                        .build())
                .build();
    }
}
