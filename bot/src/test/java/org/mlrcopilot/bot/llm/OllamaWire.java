package org.mlrcopilot.bot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;

/** The Ollama chat API. */
final class OllamaWire implements WireFormat {

    @Override
    public MockResponse text(FakeReply.Text reply, String model, RecordedLlmRequest request) {
        ObjectNode last = done(model, reply.inputTokens(), reply.outputTokens());
        if (!request.streaming()) {
            return WireResponses.json(200, last.set("message", message(reply.text())));
        }
        List<JsonNode> lines = new ArrayList<>();
        WireResponses.pieces(reply.text())
                .forEach(piece -> lines.add(line(model).put("done", false).set("message", message(piece))));
        lines.add(last.set("message", message("")));
        return WireResponses.ndjson(lines);
    }

    @Override
    public MockResponse toolCall(FakeReply.ToolCall reply, String model, RecordedLlmRequest request) {
        ObjectNode message = message("");
        message.putArray("tool_calls")
                .addObject()
                .putObject("function")
                .put("name", reply.name())
                .set("arguments", Json.parse(reply.argumentsJson()));
        ObjectNode last = done(model, FakeReply.ToolCall.INPUT_TOKENS, FakeReply.ToolCall.OUTPUT_TOKENS);
        if (!request.streaming()) {
            return WireResponses.json(200, last.set("message", message));
        }
        return WireResponses.ndjson(
                List.of(line(model).put("done", false).set("message", message), last.set("message", message(""))));
    }

    @Override
    public MockResponse error(int status, String message) {
        MockResponse response = WireResponses.json(status, Json.object().put("error", message));
        // Ollama itself does not rate-limit; a gateway in front of it (a shared server's proxy) does, saying when
        return status == 429 ? response.setHeader("Retry-After", "1") : response;
    }

    @Override
    public String unknownModelMessage(String model) {
        return "model \"" + model + "\" not found, try pulling it first";
    }

    private static ObjectNode message(String content) {
        return Json.object().put("role", "assistant").put("content", content);
    }

    private static ObjectNode line(String model) {
        return Json.object().put("model", model).put("created_at", Instant.now().toString());
    }

    private static ObjectNode done(String model, int inputTokens, int outputTokens) {
        return line(model)
                .put("done", true)
                .put("done_reason", "stop")
                .put("total_duration", 1_000_000)
                .put("prompt_eval_count", inputTokens)
                .put("eval_count", outputTokens);
    }
}
