package org.mlrcopilot.agents.idea;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/** langchain4j's chat port answered from a script of texts; records every request it gets. */
final class ScriptedChatModel implements ChatModel {

    final List<ChatRequest> requests = new ArrayList<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private final Set<Capability> capabilities;

    ScriptedChatModel(Set<Capability> capabilities, String... answers) {
        this.capabilities = Set.copyOf(capabilities);
        this.answers.addAll(List.of(answers));
    }

    ScriptedChatModel(String... answers) {
        this(Set.of(), answers);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected call #" + requests.size());
        }
        String text = answers.pop();
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(text))
                .modelName("scripted")
                .tokenUsage(new TokenUsage(chars(request) / 4, text.length() / 4))
                .build();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return capabilities;
    }

    int calls() {
        return requests.size();
    }

    String user(int call) {
        List<ChatMessage> messages = requests.get(call).messages();
        return ((UserMessage) messages.get(messages.size() - 1)).singleText();
    }

    String system(int call) {
        return ((SystemMessage) requests.get(call).messages().get(0)).text();
    }

    static int chars(ChatRequest request) {
        return request.messages().stream().mapToInt(ScriptedChatModel::chars).sum();
    }

    private static int chars(ChatMessage message) {
        if (message instanceof SystemMessage s) {
            return s.text().length();
        }
        if (message instanceof UserMessage u) {
            return u.singleText().length();
        }
        return message instanceof AiMessage a ? a.text().length() : 0;
    }
}
