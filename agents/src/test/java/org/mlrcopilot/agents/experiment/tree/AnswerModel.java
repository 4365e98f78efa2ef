package org.mlrcopilot.agents.experiment.tree;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mlrcopilot.agents.json.JsonCodec;

/** A thread-safe chat model answering from a queue of texts or exceptions; records every user message. */
final class AnswerModel implements ChatModel {

    final List<String> prompts = new CopyOnWriteArrayList<>();
    private final Queue<Object> answers = new ConcurrentLinkedQueue<>();

    AnswerModel then(Object answer) {
        answers.add(answer);
        return this;
    }

    /** A JSON answer writing train.py with {@code code}. */
    AnswerModel code(String plan, String code) {
        return then(JsonCodec.write(java.util.Map.of("plan", plan, "files", java.util.Map.of("train.py", code))));
    }

    /** train.py scoring {@code score}. */
    static String scoring(double score) {
        return "print('fit')\n# score=" + score + "\n";
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        prompts.add(((UserMessage) messages.get(messages.size() - 1)).singleText());
        Object next = answers.poll();
        if (next == null) {
            throw new AssertionError("unexpected model call #" + prompts.size());
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(next.toString()))
                .modelName("gpt-4o-mini")
                .tokenUsage(new TokenUsage(1000, 100))
                .build();
    }

    int calls() {
        return prompts.size();
    }
}
