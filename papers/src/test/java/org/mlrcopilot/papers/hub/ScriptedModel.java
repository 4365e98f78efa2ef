package org.mlrcopilot.papers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** langchain4j's chat port answering with scripted tool calls; records what the tools answered. */
final class ScriptedModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    final List<ChatRequest> requests = new ArrayList<>();
    private final Deque<AiMessage> script = new ArrayDeque<>();
    private int ids;

    ScriptedModel tool(String name, Map<String, String> args) {
        Map<String, String> withLog = new LinkedHashMap<>(args);
        withLog.put("log", "log after " + name);
        try {
            script.add(AiMessage.from(ToolExecutionRequest.builder()
                    .id("call-" + (++ids))
                    .name(name)
                    .arguments(JSON.writeValueAsString(withLog))
                    .build()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    int left() {
        return script.size();
    }

    /** The tool results the model has been shown, in order. */
    List<String> toolResults() {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ChatMessage m : requests.get(requests.size() - 1).messages()) {
            if (m instanceof ToolExecutionResultMessage r) {
                out.add(r.text());
            }
        }
        return out;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        AiMessage next = script.poll();
        if (next == null) {
            throw new IllegalStateException("the script is exhausted after " + requests.size() + " calls");
        }
        return ChatResponse.builder().aiMessage(next).build();
    }
}
