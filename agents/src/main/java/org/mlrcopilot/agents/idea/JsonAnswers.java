package org.mlrcopilot.agents.idea;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's answer: the outermost JSON object in it, fences and surrounding prose ignored. A missing or null
 * property reaches the record as null (0 for a number), so records decide what is required and what has a default.
 */
final class JsonAnswers {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(
                    DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Pattern OBJECT_START = Pattern.compile("\\{(?=\\s*[\"}])");

    private JsonAnswers() {}

    /** The answer as {@code type}; an {@link InvalidAnswer} naming the problem if it cannot be read. */
    static <T> T read(String answer, Class<T> type) {
        if (answer == null || answer.isBlank()) {
            throw new InvalidAnswer("the answer was empty; a JSON object was expected");
        }
        try {
            return MAPPER.readValue(outermostObject(answer), type);
        } catch (JacksonException e) {
            throw new InvalidAnswer(describe(e));
        }
    }

    /** The first balanced {...} that opens like a JSON object ("{" then a quote or "}"), strings respected. */
    static String outermostObject(String text) {
        Matcher opening = OBJECT_START.matcher(text);
        if (!opening.find()) {
            throw new InvalidAnswer("the answer contains no JSON object");
        }
        int start = opening.start();
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (inString) {
                escaped = c == '\\';
                inString = c != '"';
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(start, i + 1);
            }
        }
        throw new InvalidAnswer("the JSON object is never closed (the answer may have been cut off)");
    }

    private static String describe(JacksonException e) {
        Throwable cause = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : null;
        String problem = cause != null ? cause.getMessage() : e.getOriginalMessage();
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        return path.isEmpty() ? problem : "at " + path + ": " + problem;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
