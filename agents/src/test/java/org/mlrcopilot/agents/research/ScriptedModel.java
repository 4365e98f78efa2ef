package org.mlrcopilot.agents.research;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * langchain4j's chat port answered from a script of texts and tool calls, in order, from whichever thread asks; an
 * answer may be held back until the test releases it. Records every request. A call beyond the script fails.
 */
final class ScriptedModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deque<Object> script = new ConcurrentLinkedDeque<>();
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** A point in the script where the model waits: {@link #reached} when a call gets there, until released. */
    static final class Hold {
        final CompletableFuture<Void> reached = new CompletableFuture<>();
        private final CompletableFuture<Void> release = new CompletableFuture<>();

        void release() {
            release.complete(null);
        }
    }

    /** The idea stage's well-formed answer for {@code step}: elements, hypotheses, review or revision. */
    static String ideaAnswer(String step) {
        try (InputStream in = ScriptedModel.class.getResourceAsStream("/idea/answers/" + step + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScriptedModel text(String answer) {
        script.add(AiMessage.from(answer));
        return this;
    }

    /** Idea-stage answers by step name, see {@link #ideaAnswer}. */
    ScriptedModel ideas(String... steps) {
        for (String step : steps) {
            text(ideaAnswer(step));
        }
        return this;
    }

    /** A call of the experiment agent's tool {@code name} with {@code args} and a research log. */
    ScriptedModel tool(String name, Map<String, Object> args) {
        Map<String, Object> withLog = new java.util.LinkedHashMap<>(args);
        withLog.putIfAbsent("log", "log after " + name);
        try {
            script.add(AiMessage.from(ToolExecutionRequest.builder()
                    .id("call-" + ids.incrementAndGet())
                    .name(name)
                    .arguments(JSON.writeValueAsString(withLog))
                    .build()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    /** The next call throws {@code error} (an Error, as hostile input can cause). */
    ScriptedModel error(Error error) {
        script.add(error);
        return this;
    }

    /** The next answer waits until {@code hold} is released; an interrupted wait fails the call. */
    ScriptedModel held(Hold hold) {
        script.add(hold);
        return this;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        Object next = script.poll();
        if (next instanceof Hold hold) {
            hold.reached.complete(null);
            try {
                hold.release.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the model call was interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
            next = script.poll();
        }
        if (next == null) {
            throw new IllegalStateException("unexpected model call #" + requests.size());
        }
        if (next instanceof Error error) {
            throw error;
        }
        AiMessage message = (AiMessage) next;
        int in =
                request.messages().stream().mapToInt(m -> m.toString().length()).sum() / 4;
        return ChatResponse.builder()
                .aiMessage(message)
                .modelName("scripted")
                .tokenUsage(new TokenUsage(in, 10))
                .build();
    }

    int calls() {
        return requests.size();
    }

    /** The last user message of call {@code call} (0-based). */
    String user(int call) {
        List<ChatMessage> messages = requests.get(call).messages();
        return ((UserMessage) messages.get(messages.size() - 1)).singleText();
    }

    /** Answers not asked for yet. */
    int remaining() {
        return script.size();
    }
}
