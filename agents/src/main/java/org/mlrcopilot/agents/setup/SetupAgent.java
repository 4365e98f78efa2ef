package org.mlrcopilot.agents.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mlrcopilot.agents.task.Direction;
import org.mlrcopilot.agents.task.TaskException;

/**
 * The set-up phase: the main model, with tool calls, writes the data loading and held-out split, the evaluation and
 * the baseline in the sandbox, until {@code finish_setup} freezes a task whose baseline the frozen evaluation can
 * score, or the step budget runs out.
 */
final class SetupAgent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatModel model;
    private final TaskFreezer freezer;
    private final int maxSteps;

    SetupAgent(ChatModel model, TaskFreezer freezer, int maxSteps) {
        this.model = model;
        this.freezer = freezer;
        this.maxSteps = maxSteps;
    }

    /** What the set-up agent finished with. */
    record Finished(
            TaskFreezer.Frozen frozen,
            String metric,
            Direction direction,
            String summary,
            int steps,
            String directionNote) {}

    /** Runs the set-up conversation; {@code problem} starts the task's research problem text. */
    Finished run(SetupTools tools, Path runDir, String system, String user, String problem, SetupListener listener) {
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(system), UserMessage.from(user)));
        String lastProblem = "the model never called finish_setup";
        for (int step = 1; step <= maxSteps; step++) {
            AiMessage answer = model.chat(ChatRequest.builder()
                            .messages(messages)
                            .toolSpecifications(SetupTools.SPECS)
                            .build())
                    .aiMessage();
            messages.add(answer);
            if (!answer.hasToolExecutionRequests()) {
                messages.add(UserMessage.from("Call one of the tools; call finish_setup when the set-up is ready."));
                continue;
            }
            List<ToolExecutionRequest> calls = answer.toolExecutionRequests();
            for (int i = 0; i < calls.size(); i++) {
                ToolExecutionRequest call = calls.get(i);
                if (i > 0) {
                    messages.add(ToolExecutionResultMessage.from(call, "Ignored: call one tool per response."));
                    continue;
                }
                listener.step(step, call.name(), describe(call));
                if (SetupTools.FINISH.equals(call.name())) {
                    try {
                        return finish(tools, runDir, call, problem, step);
                    } catch (SetupException | TaskException e) {
                        lastProblem = e.getMessage();
                        messages.add(ToolExecutionResultMessage.from(
                                call,
                                "The set-up is not ready: " + lastProblem + "\nFix it and call finish_setup again."));
                    }
                } else {
                    messages.add(ToolExecutionResultMessage.from(call, execute(tools, call)));
                }
            }
        }
        throw new SetupException("the set-up did not finish within " + maxSteps + " steps (experiment.setupSteps); "
                + "last problem: " + lastProblem);
    }

    private Finished finish(SetupTools tools, Path runDir, ToolExecutionRequest call, String problem, int step) {
        JsonNode args = args(call);
        String metric = args.path("metric").asText("").strip();
        if (metric.isEmpty()) {
            throw new SetupException("finish_setup needs the metric's name");
        }
        Optional<Direction> named = MetricDirection.of(metric);
        String said = args.path("direction").asText("").strip().toLowerCase(Locale.ROOT);
        Direction direction = named.orElse(said.startsWith("low") ? Direction.LOWER : Direction.HIGHER);
        String note = named.isPresent()
                ? ""
                : "the direction of " + metric + " is not known from its name; " + "taken as "
                        + direction.name().toLowerCase(Locale.ROOT) + " is better";
        String summary = args.path("summary").asText("").strip();
        String text = problem + "\n\nHow the experiment is set up:\n" + summary + "\n\nThe score is " + metric + " ("
                + direction.name().toLowerCase(Locale.ROOT) + " is better) of train.py's predictions on held-out "
                + "data you cannot see, computed by an evaluation you cannot change. Do not change the files under "
                + "data/, prototype/ or models/.\n";
        TaskFreezer.Frozen frozen = freezer.freeze(tools, runDir, metric, direction, text);
        return new Finished(frozen, metric, direction, summary, step, note);
    }

    private static String execute(SetupTools tools, ToolExecutionRequest call) {
        JsonNode args = args(call);
        try {
            return switch (call.name()) {
                case "list_files" -> tools.list(args.path("dir_path").asText("."));
                case "read_file" -> tools.read(required(args, "file_name"));
                case "write_file" ->
                    tools.write(
                            required(args, "file_name"), args.path("content").asText(""));
                case "execute_script" -> tools.execute(required(args, "script_name"));
                default ->
                    "Error: no tool " + call.name() + "; use list_files, read_file, write_file, "
                            + "execute_script or finish_setup";
            };
        } catch (IllegalArgumentException e) {
            return "Error: " + e.getMessage();
        }
    }

    private static String required(JsonNode args, String name) {
        String value = args.path(name).asText("").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("missing argument " + name);
        }
        return value;
    }

    private static JsonNode args(ToolExecutionRequest call) {
        try {
            JsonNode node =
                    JSON.readTree(call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments());
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String describe(ToolExecutionRequest call) {
        JsonNode args = args(call);
        for (String key : List.of("script_name", "file_name", "dir_path", "metric")) {
            if (args.hasNonNull(key)) {
                return args.get(key).asText();
            }
        }
        return "";
    }
}
