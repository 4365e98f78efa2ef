package org.mlrcopilot.bot.llm;

import static org.mlrcopilot.bot.llm.WireResponses.frame;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;

/** The OpenAI Chat Completions API, also spoken by openai-compatible servers. */
final class OpenAiWire implements WireFormat {

    @Override
    public MockResponse text(FakeReply.Text reply, String model, RecordedLlmRequest request) {
        if (!request.streaming()) {
            ObjectNode message = Json.object().put("role", "assistant").put("content", reply.text());
            return WireResponses.json(200, completion(model, message, "stop").set("usage", usage(reply)));
        }
        List<String> frames = new ArrayList<>();
        frames.add(
                frame(null, chunk(model, Json.object().put("role", "assistant").put("content", ""), null)));
        WireResponses.pieces(reply.text())
                .forEach(piece ->
                        frames.add(frame(null, chunk(model, Json.object().put("content", piece), null))));
        frames.add(frame(null, chunk(model, Json.object(), "stop")));
        if (request.body().path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode last = header(model, "chat.completion.chunk");
            last.putArray("choices");
            frames.add(frame(null, last.set("usage", usage(reply))));
        }
        frames.add("data: [DONE]\n\n");
        return WireResponses.sse(frames);
    }

    @Override
    public MockResponse toolCall(FakeReply.ToolCall reply, String model, RecordedLlmRequest request) {
        ObjectNode call = Json.object().put("id", reply.id()).put("type", "function");
        call.putObject("function").put("name", reply.name()).put("arguments", reply.argumentsJson());
        if (!request.streaming()) {
            ObjectNode message = Json.object().put("role", "assistant").putNull("content");
            message.putArray("tool_calls").add(call);
            return WireResponses.json(
                    200,
                    completion(model, message, "tool_calls")
                            .set("usage", usage(FakeReply.ToolCall.INPUT_TOKENS, FakeReply.ToolCall.OUTPUT_TOKENS, 0)));
        }
        ObjectNode delta = Json.object().put("role", "assistant");
        delta.putArray("tool_calls").add(call.put("index", 0));
        return WireResponses.sse(List.of(
                frame(null, chunk(model, delta, null)),
                frame(null, chunk(model, Json.object(), "tool_calls")),
                "data: [DONE]\n\n"));
    }

    @Override
    public MockResponse error(int status, String message) {
        ObjectNode error = Json.object()
                .put("message", message)
                .put("type", errorType(status))
                .putNull("param");
        switch (status) {
            case 401 -> error.put("code", "invalid_api_key");
            case 404 -> error.put("code", "model_not_found");
            case 429 -> error.put("code", "rate_limit_exceeded");
            default -> error.putNull("code");
        }
        MockResponse response = WireResponses.json(status, Json.object().set("error", error));
        return status == 429 ? response.setHeader("Retry-After", "1") : response;
    }

    @Override
    public String unknownModelMessage(String model) {
        return "The model `" + model + "` does not exist or you do not have access to it.";
    }

    private static String errorType(int status) {
        if (status == 429) {
            return "requests";
        }
        return status >= 500 ? "server_error" : "invalid_request_error";
    }

    private static ObjectNode completion(String model, ObjectNode message, String finishReason) {
        ObjectNode completion = header(model, "chat.completion");
        completion
                .putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", finishReason)
                .set("message", message);
        return completion;
    }

    private static ObjectNode chunk(String model, ObjectNode delta, String finishReason) {
        ObjectNode chunk = header(model, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    private static ObjectNode header(String model, String object) {
        return Json.object()
                .put("id", "chatcmpl-fake")
                .put("object", object)
                .put("created", System.currentTimeMillis() / 1000)
                .put("model", model);
    }

    private static ObjectNode usage(FakeReply.Text reply) {
        return usage(reply.inputTokens(), reply.outputTokens(), reply.cachedTokens());
    }

    private static ObjectNode usage(int input, int output, int cached) {
        ObjectNode usage = Json.object()
                .put("prompt_tokens", input)
                .put("completion_tokens", output)
                .put("total_tokens", input + output);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cached);
        return usage;
    }
}
