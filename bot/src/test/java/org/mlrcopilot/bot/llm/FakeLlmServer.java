package org.mlrcopilot.bot.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A fake language model server speaking the OpenAI Chat Completions, Anthropic Messages and Ollama chat APIs, so that
 * the real langchain4j clients can be tested against it. Enqueued replies are served in order, each in the format of
 * the API the request came to (chosen from its path), streamed when the request asks for streaming.
 */
public final class FakeLlmServer implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final Queue<FakeReply> replies = new ConcurrentLinkedQueue<>();
    private final List<RecordedLlmRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger toolCallIds = new AtomicInteger();
    private volatile String servedModel;
    private volatile java.util.function.Function<RecordedLlmRequest, String> router;

    private FakeLlmServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
    }

    public static FakeLlmServer start() {
        FakeLlmServer fake = new FakeLlmServer();
        try {
            fake.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fake;
    }

    /**
     * The {@code llm.baseUrl} that points a provider's client here: {@code http://host:port/v1} for openai and
     * openai-compatible, {@code http://host:port/v1/} for anthropic and {@code http://host:port} for ollama.
     */
    public String baseUrl(String provider) {
        String root = server.url("/").toString();
        return switch (provider) {
            case "openai", "openai-compatible" -> root + "v1";
            case "anthropic" -> root + "v1/";
            case "ollama" -> root.substring(0, root.length() - 1);
            default -> throw new IllegalArgumentException("unknown provider: " + provider);
        };
    }

    public FakeLlmServer enqueueText(String text) {
        return enqueueText(text, 10, 5);
    }

    public FakeLlmServer enqueueText(String text, int inputTokens, int outputTokens) {
        return enqueueText(text, inputTokens, outputTokens, 0);
    }

    public FakeLlmServer enqueueText(String text, int inputTokens, int outputTokens, int cachedTokens) {
        return enqueue(new FakeReply.Text(text, inputTokens, outputTokens, cachedTokens, Duration.ZERO));
    }

    /** A text answer whose headers are sent only after {@code delay}. */
    public FakeLlmServer enqueueSlow(Duration delay, String text) {
        return enqueue(new FakeReply.Text(text, 10, 5, 0, delay));
    }

    public FakeLlmServer enqueueToolCall(String name, String argumentsJson) {
        Json.parse(argumentsJson);
        return enqueue(new FakeReply.ToolCall("call_" + toolCallIds.incrementAndGet(), name, argumentsJson));
    }

    /** An HTTP error with {@code message} in the API's error shape; a 429 carries {@code Retry-After: 1}. */
    public FakeLlmServer enqueueError(int status, String message) {
        return enqueue(new FakeReply.Error(status, message));
    }

    /** The API's 404 for a model it does not serve, naming the model the request asked for. */
    public FakeLlmServer enqueueUnknownModel() {
        return enqueue(new FakeReply.UnknownModel());
    }

    /** The model name reported back in answers; null (the default) echoes the requested model. */
    public FakeLlmServer servedModel(String model) {
        this.servedModel = model;
        return this;
    }

    /**
     * Answers with the text {@code textFor} gives when no reply is enqueued (null: the usual 400), so that
     * concurrent callers each get the answer that fits their request (e.g. chosen by the JSON schema's name).
     */
    public FakeLlmServer answerBy(java.util.function.Function<RecordedLlmRequest, String> textFor) {
        this.router = textFor;
        return this;
    }

    public List<RecordedLlmRequest> requests() {
        return List.copyOf(requests);
    }

    public RecordedLlmRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new NoSuchElementException("the fake LLM server has received no request");
        }
        return requests.get(requests.size() - 1);
    }

    /** The system prompt and message texts of the last request, one per line. */
    public String lastPromptText() {
        return lastRequest().promptText();
    }

    public int pendingReplies() {
        return replies.size();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FakeLlmServer enqueue(FakeReply reply) {
        replies.add(reply);
        return this;
    }

    private MockResponse answer(RecordedRequest raw) {
        RecordedLlmRequest request = RecordedLlmRequest.from(raw);
        requests.add(request);
        WireFormat wire = WireFormat.forPath(request.path()).orElse(null);
        if (wire == null) {
            return new MockResponse().setResponseCode(404).setBody("FakeLlmServer: no API at " + request.path());
        }
        FakeReply reply = replies.poll();
        if (reply == null && router != null) {
            String text = router.apply(request);
            reply = text == null ? null : new FakeReply.Text(text, 1000, 200, 0, Duration.ZERO);
        }
        String model = servedModel != null ? servedModel : request.model();
        if (reply == null) {
            return wire.error(400, "FakeLlmServer: no reply enqueued for " + request.method() + " " + request.path());
        }
        return render(wire, reply, model, request);
    }

    private static MockResponse render(WireFormat wire, FakeReply reply, String model, RecordedLlmRequest request) {
        if (reply instanceof FakeReply.Text text) {
            return wire.text(text, model, request).setHeadersDelay(text.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (reply instanceof FakeReply.ToolCall call) {
            return wire.toolCall(call, model, request);
        }
        if (reply instanceof FakeReply.Error error) {
            return wire.error(error.status(), error.message());
        }
        return wire.error(404, wire.unknownModelMessage(request.model()));
    }
}
