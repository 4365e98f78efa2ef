package org.mlrcopilot.agents.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import java.util.List;
import org.mlrcopilot.agents.json.JsonCodec;

/**
 * The action the model chose in one response.
 *
 * @param action  the tool name, or "none"
 * @param args    its arguments without the log (null when they are not a JSON object)
 * @param log     the updated research log, or null
 * @param problem why the call cannot be performed, or null
 */
record Call(String action, ObjectNode args, String log, String problem) {

    static final String NONE = "none";

    static Call of(AiMessage message) {
        if (message == null || !message.hasToolExecutionRequests()) {
            return new Call(
                    NONE,
                    JsonCodec.MAPPER.createObjectNode(),
                    null,
                    "No tool was called: call exactly one tool (final_answer to finish).");
        }
        List<ToolExecutionRequest> requests = message.toolExecutionRequests();
        ToolExecutionRequest request = requests.get(0);
        ObjectNode args = JsonCodec.objectOrNull(request.arguments());
        String name = request.name() == null ? NONE : request.name();
        if (args == null) {
            return new Call(name, JsonCodec.MAPPER.createObjectNode(), null, "The arguments are not a JSON object.");
        }
        String log =
                args.hasNonNull(ToolCatalog.LOG) ? args.get(ToolCatalog.LOG).asText() : null;
        args.remove(ToolCatalog.LOG);
        if (!ToolCatalog.known(name)) {
            return new Call(name, args, log, "Unknown tool " + name + ".");
        }
        String extra =
                requests.size() > 1 ? "Only the first of " + requests.size() + " tool calls was performed." : null;
        return new Call(name, args, log, extra == null ? null : "NOTE " + extra);
    }

    boolean performable() {
        return problem == null || problem.startsWith("NOTE ");
    }

    String input() {
        return JsonCodec.write(args);
    }
}
