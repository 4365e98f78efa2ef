package org.mlrcopilot.bot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A request the {@link FakeLlmServer} received: its path, headers (names in lower case) and parsed JSON body. The
 * {@link #toString()} shows header names only, so credentials never reach test output.
 */
public record RecordedLlmRequest(String method, String path, Map<String, List<String>> headers, JsonNode body) {

    public RecordedLlmRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    static RecordedLlmRequest from(RecordedRequest raw) {
        Map<String, List<String>> headers = new TreeMap<>();
        raw.getHeaders()
                .names()
                .forEach(name -> headers.put(
                        name.toLowerCase(Locale.ROOT), raw.getHeaders().values(name)));
        return new RecordedLlmRequest(
                raw.getMethod(),
                raw.getPath(),
                headers,
                Json.parse(raw.getBody().readUtf8()));
    }

    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.stream().findFirst();
    }

    /** The model the client asked for; empty when the body names none. */
    public String model() {
        return body.path("model").asText("");
    }

    /** True when the client asked for a streamed answer; Ollama streams unless told otherwise. */
    public boolean streaming() {
        return body.path("stream").asBoolean(path.endsWith("/api/chat"));
    }

    /** The texts of the system prompt and every message, one per line. */
    public String promptText() {
        List<String> texts = new ArrayList<>();
        collectText(body.path("system"), texts);
        body.path("messages").forEach(message -> collectText(message.path("content"), texts));
        return String.join("\n", texts);
    }

    private static void collectText(JsonNode content, List<String> texts) {
        if (content.isTextual()) {
            texts.add(content.asText());
        } else if (content.isArray()) {
            content.forEach(part -> {
                if (part.path("text").isTextual()) {
                    texts.add(part.path("text").asText());
                }
            });
        }
    }

    @Override
    public String toString() {
        return "RecordedLlmRequest[" + method + " " + path + ", headers=" + headers.keySet() + ", body=" + body + "]";
    }
}
