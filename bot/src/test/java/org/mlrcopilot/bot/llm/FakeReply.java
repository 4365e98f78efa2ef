package org.mlrcopilot.bot.llm;

import java.time.Duration;
import java.util.Objects;

/** One enqueued answer of the {@link FakeLlmServer}, rendered in the wire format of whichever API is asked. */
sealed interface FakeReply {

    /** A text answer, served after {@code delay}. */
    record Text(String text, int inputTokens, int outputTokens, int cachedTokens, Duration delay) implements FakeReply {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(delay, "delay");
            if (inputTokens < 0 || outputTokens < 0 || cachedTokens < 0) {
                throw new IllegalArgumentException("token counts must not be negative");
            }
        }
    }

    /** A request to call one tool; {@code argumentsJson} is a JSON object. */
    record ToolCall(String id, String name, String argumentsJson) implements FakeReply {

        static final int INPUT_TOKENS = 10;
        static final int OUTPUT_TOKENS = 5;

        public ToolCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(argumentsJson, "argumentsJson");
        }
    }

    /** An HTTP error in the API's error shape. */
    record Error(int status, String message) implements FakeReply {
        public Error {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP error status: " + status);
            }
            Objects.requireNonNull(message, "message");
        }
    }

    /** The 404 an API answers for a model it does not serve, naming the requested model. */
    record UnknownModel() implements FakeReply {}
}
