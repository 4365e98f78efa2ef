package org.mlrcopilot.agents.experiment;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mlrcopilot.agents.json.JsonCodec;

/** langchain4j's chat port answered from a script of messages or exceptions; records every request. */
final class ScriptedChatModel implements ChatModel {

    final List<ChatRequest> requests = new ArrayList<>();
    private final Deque<Object> script = new ArrayDeque<>();
    private Runnable onCall = () -> {};
    private int ids;

    ScriptedChatModel then(Object answer) {
        script.add(answer);
        return this;
    }

    /** A tool call whose arguments are {@code args} plus a log "log after step N". */
    ScriptedChatModel tool(String name, Map<String, Object> args) {
        Map<String, Object> withLog = new java.util.LinkedHashMap<>(args);
        withLog.putIfAbsent("log", "log after call " + (script.size() + 1));
        return then(AiMessage.from(ToolExecutionRequest.builder()
                .id("call-" + (++ids))
                .name(name)
                .arguments(JsonCodec.write(withLog))
                .build()));
    }

    ScriptedChatModel onCall(Runnable action) {
        this.onCall = action;
        return this;
    }

    /** A tool call computed from the request when it arrives. */
    ScriptedChatModel toolFrom(String name, Function<String, Map<String, Object>> argsFromUserMessage) {
        Function<ChatRequest, AiMessage> answer = request -> {
            List<ChatMessage> messages = request.messages();
            String user = ((UserMessage) messages.get(messages.size() - 1)).singleText();
            Map<String, Object> args = new java.util.LinkedHashMap<>(argsFromUserMessage.apply(user));
            args.putIfAbsent("log", "log");
            return AiMessage.from(ToolExecutionRequest.builder()
                    .id("call-" + (++ids))
                    .name(name)
                    .arguments(JsonCodec.write(args))
                    .build());
        };
        return then(answer);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        onCall.run();
        if (script.isEmpty()) {
            throw new AssertionError("unexpected model call #" + requests.size());
        }
        Object next = script.pop();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        AiMessage message = next instanceof AiMessage ai
                ? ai
                : next instanceof Function<?, ?> f
                        ? ((Function<ChatRequest, AiMessage>) f).apply(request)
                        : AiMessage.from(next.toString());
        return ChatResponse.builder()
                .aiMessage(message)
                .modelName("scripted")
                .tokenUsage(new TokenUsage(StepPrompt.chars(request) / 4, 10))
                .build();
    }

    int calls() {
        return requests.size();
    }

    String user(int call) {
        List<ChatMessage> messages = requests.get(call).messages();
        return ((UserMessage) messages.get(messages.size() - 1)).singleText();
    }

    int remaining() {
        return script.size();
    }
}
