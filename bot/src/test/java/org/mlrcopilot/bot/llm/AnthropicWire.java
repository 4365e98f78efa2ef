package org.mlrcopilot.bot.llm;

import static org.mlrcopilot.bot.llm.WireResponses.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;

/** The Anthropic Messages API. */
final class AnthropicWire implements WireFormat {

    @Override
    public MockResponse text(FakeReply.Text reply, String model, RecordedLlmRequest request) {
        ObjectNode usage = usage(reply.inputTokens(), reply.outputTokens(), reply.cachedTokens());
        if (!request.streaming()) {
            ObjectNode message = message(model, "end_turn", usage);
            message.withArray("content").addObject().put("type", "text").put("text", reply.text());
            return WireResponses.json(200, message);
        }
        List<String> frames = new ArrayList<>();
        frames.add(start(model, reply.inputTokens(), reply.cachedTokens()));
        frames.add(blockStart(Json.object().put("type", "text").put("text", "")));
        WireResponses.pieces(reply.text())
                .forEach(piece -> frames.add(
                        blockDelta(Json.object().put("type", "text_delta").put("text", piece))));
        frames.addAll(finish("end_turn", reply.outputTokens()));
        return WireResponses.sse(frames);
    }

    @Override
    public MockResponse toolCall(FakeReply.ToolCall reply, String model, RecordedLlmRequest request) {
        if (!request.streaming()) {
            ObjectNode usage = usage(FakeReply.ToolCall.INPUT_TOKENS, FakeReply.ToolCall.OUTPUT_TOKENS, 0);
            ObjectNode message = message(model, "tool_use", usage);
            message.withArray("content")
                    .addObject()
                    .put("type", "tool_use")
                    .put("id", reply.id())
                    .put("name", reply.name())
                    .set("input", Json.parse(reply.argumentsJson()));
            return WireResponses.json(200, message);
        }
        List<String> frames = new ArrayList<>();
        frames.add(start(model, FakeReply.ToolCall.INPUT_TOKENS, 0));
        ObjectNode block =
                Json.object().put("type", "tool_use").put("id", reply.id()).put("name", reply.name());
        block.putObject("input");
        frames.add(blockStart(block));
        frames.add(
                blockDelta(Json.object().put("type", "input_json_delta").put("partial_json", reply.argumentsJson())));
        frames.addAll(finish("tool_use", FakeReply.ToolCall.OUTPUT_TOKENS));
        return WireResponses.sse(frames);
    }

    @Override
    public MockResponse error(int status, String message) {
        ObjectNode body = Json.object().put("type", "error");
        body.putObject("error").put("type", errorType(status)).put("message", message);
        MockResponse response = WireResponses.json(status, body);
        return status == 429 ? response.setHeader("retry-after", "1") : response;
    }

    @Override
    public String unknownModelMessage(String model) {
        return "model: " + model;
    }

    private static String errorType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    private static ObjectNode message(String model, String stopReason, JsonNode usage) {
        ObjectNode message = Json.object()
                .put("id", "msg_fake")
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        message.putArray("content");
        message.put("stop_reason", stopReason).putNull("stop_sequence");
        return message.set("usage", usage);
    }

    private static ObjectNode usage(int input, int output, int cached) {
        return Json.object()
                .put("input_tokens", input)
                .put("output_tokens", output)
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", cached);
    }

    private static String start(String model, int inputTokens, int cachedTokens) {
        ObjectNode message = message(model, null, usage(inputTokens, 1, cachedTokens));
        return frame("message_start", Json.object().put("type", "message_start").set("message", message));
    }

    private static String blockStart(ObjectNode block) {
        return frame(
                "content_block_start",
                Json.object().put("type", "content_block_start").put("index", 0).set("content_block", block));
    }

    private static String blockDelta(ObjectNode delta) {
        return frame(
                "content_block_delta",
                Json.object().put("type", "content_block_delta").put("index", 0).set("delta", delta));
    }

    private static List<String> finish(String stopReason, int outputTokens) {
        ObjectNode delta = Json.object().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", outputTokens);
        return List.of(
                frame(
                        "content_block_stop",
                        Json.object().put("type", "content_block_stop").put("index", 0)),
                frame("message_delta", delta),
                frame("message_stop", Json.object().put("type", "message_stop")));
    }
}
