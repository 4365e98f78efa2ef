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
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks a model for JSON of a given shape, and once more with the problem named when the answer is unusable. */
final class StructuredChat {

    private static final Logger LOG = LoggerFactory.getLogger(StructuredChat.class);

    /**
     * What a step expects back: the schema sent to models that support it, the type read, a normalization that
     * tolerates what models commonly get wrong (it may still throw {@link InvalidAnswer}), extra checks, and a
     * salvage for an answer that still fails them after the repair (what can be kept of it, or an InvalidAnswer).
     */
    record Expected<T>(
            JsonSchema schema,
            Class<T> type,
            UnaryOperator<T> normalize,
            Consumer<? super T> check,
            UnaryOperator<T> salvage) {

        Expected(JsonSchema schema, Class<T> type, Consumer<? super T> check) {
            this(schema, type, UnaryOperator.identity(), check, value -> {
                throw new InvalidAnswer("no usable part");
            });
        }

        /** An answer the normalization makes usable (or refuses with an InvalidAnswer); no further checks. */
        static <T> Expected<T> normalizing(JsonSchema schema, Class<T> type, UnaryOperator<T> normalize) {
            return new Expected<>(schema, type, normalize, value -> {}, value -> value);
        }
    }

    private StructuredChat() {}

    static <T> T ask(ChatModel model, Prompt prompt, Expected<T> expected) {
        String answer = send(model, prompt.messages(), expected.schema());
        List<T> readable = new ArrayList<>();
        try {
            return read(answer, expected, readable);
        } catch (InvalidAnswer first) {
            LOG.warn("{} answer unusable, asking for a repair: {}", prompt.step(), first.getMessage());
            String repaired = send(model, repairMessages(prompt, answer, first.getMessage()), expected.schema());
            try {
                return read(repaired, expected, readable);
            } catch (InvalidAnswer second) {
                return salvage(prompt, expected, readable, second);
            }
        }
    }

    /** The later readable answer's usable part, else the earlier's, else the step fails. */
    private static <T> T salvage(Prompt prompt, Expected<T> expected, List<T> readable, InvalidAnswer problem) {
        for (int i = readable.size() - 1; i >= 0; i--) {
            try {
                T kept = expected.salvage().apply(readable.get(i));
                LOG.warn("{} answer kept in part after the repair failed: {}", prompt.step(), problem.getMessage());
                return kept;
            } catch (InvalidAnswer | IllegalArgumentException ignored) {
                // try the other answer
            }
        }
        throw new LlmOutputException(prompt.step(), problem.getMessage());
    }

    private static <T> T read(String answer, Expected<T> expected, List<T> readable) {
        T value = expected.normalize().apply(JsonAnswers.read(answer, expected.type()));
        readable.add(value);
        expected.check().accept(value);
        return value;
    }

    private static List<ChatMessage> repairMessages(Prompt prompt, String answer, String problem) {
        List<ChatMessage> messages = new ArrayList<>(prompt.messages());
        messages.add(AiMessage.from(answer.isBlank() ? "(empty answer)" : answer));
        messages.add(
                UserMessage.from(Template.render("repair.user", Map.of("step", prompt.step(), "problem", problem))));
        return messages;
    }

    private static String send(ChatModel model, List<ChatMessage> messages, JsonSchema schema) {
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (model.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA)) {
            request.responseFormat(ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(schema)
                    .build());
        }
        AiMessage reply = model.chat(request.build()).aiMessage();
        return reply == null || reply.text() == null ? "" : reply.text();
    }
}
