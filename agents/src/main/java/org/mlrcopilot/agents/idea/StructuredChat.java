package org.mlrcopilot.agents.idea;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks a model for JSON of a given shape, and once more with the problem named when the answer is unusable. */
final class StructuredChat {

    private static final Logger LOG = LoggerFactory.getLogger(StructuredChat.class);

    /** What a step expects back: the schema sent to models that support it, the type read, and extra checks. */
    record Expected<T>(JsonSchema schema, Class<T> type, Consumer<? super T> check) {
    }

    private StructuredChat() {
    }

    static <T> T ask(ChatModel model, Prompt prompt, Expected<T> expected) {
        String answer = send(model, prompt.messages(), expected.schema());
        try {
            return read(answer, expected);
        } catch (InvalidAnswer first) {
            LOG.warn("{} answer unusable, asking for a repair: {}", prompt.step(), first.getMessage());
            String repaired = send(model, repairMessages(prompt, answer, first.getMessage()), expected.schema());
            try {
                return read(repaired, expected);
            } catch (InvalidAnswer second) {
                throw new LlmOutputException(prompt.step(), second.getMessage());
            }
        }
    }

    private static <T> T read(String answer, Expected<T> expected) {
        T value = JsonAnswers.read(answer, expected.type());
        expected.check().accept(value);
        return value;
    }

    private static List<ChatMessage> repairMessages(Prompt prompt, String answer, String problem) {
        List<ChatMessage> messages = new ArrayList<>(prompt.messages());
        messages.add(AiMessage.from(answer.isBlank() ? "(empty answer)" : answer));
        messages.add(UserMessage.from(Template.render("repair.user",
                Map.of("step", prompt.step(), "problem", problem))));
        return messages;
    }

    private static String send(ChatModel model, List<ChatMessage> messages, JsonSchema schema) {
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (model.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA)) {
            request.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build());
        }
        AiMessage reply = model.chat(request.build()).aiMessage();
        return reply == null || reply.text() == null ? "" : reply.text();
    }
}
