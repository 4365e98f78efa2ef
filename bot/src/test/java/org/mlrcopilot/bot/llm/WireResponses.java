package org.mlrcopilot.bot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;

/** Building blocks shared by the wire formats. */
final class WireResponses {

    private WireResponses() {}

    static MockResponse json(int status, JsonNode body) {
        return new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setBody(Json.write(body));
    }

    /** Server-sent events; each entry is an event name (may be null) and its JSON data. */
    static MockResponse sse(List<String> frames) {
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "text/event-stream")
                .setHeader("Cache-Control", "no-cache")
                .setBody(String.join("", frames));
    }

    static String frame(String event, JsonNode data) {
        String prefix = event == null ? "" : "event: " + event + "\n";
        return prefix + "data: " + Json.write(data) + "\n\n";
    }

    static MockResponse ndjson(List<JsonNode> lines) {
        StringBuilder body = new StringBuilder();
        lines.forEach(line -> body.append(Json.write(line)).append('\n'));
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "application/x-ndjson")
                .setBody(body.toString());
    }

    /** The text cut into word-sized pieces, as a streaming API sends it. */
    static List<String> pieces(String text) {
        if (text.isEmpty()) {
            return List.of("");
        }
        return new ArrayList<>(Arrays.asList(text.split("(?<= )")));
    }
}
