package org.mlrcopilot.agents.experiment.tree;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.FileTrees;
import org.mlrcopilot.agents.task.HeldOut;
import org.mlrcopilot.agents.task.Score;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Workspace;
import org.mlrcopilot.agents.task.WorkspaceException;
import org.mlrcopilot.agents.usage.PriceTable;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.OutputListener;
import org.mlrcopilot.sandbox.Sandbox;

/**
 * Makes one node: the operator's model call, the answer's files written over a copy of the starter workspace at
 * {@code <runDir>/nodes/<id>/workspace}, the task's run command executed there in the sandbox, and the task's
 * evaluation of what it wrote. A node that does not run or cannot be scored fails with the reason as its output.
 */
final class NodeRunner {

    private final ChatModel model;
    private final Sandbox sandbox;
    private final Evaluator evaluator;
    private final Limits execution;
    private final PriceTable prices;
    private final Clock clock;

    NodeRunner(
            ChatModel model, Sandbox sandbox, Evaluator evaluator, Limits execution, PriceTable prices, Clock clock) {
        this.model = model;
        this.sandbox = sandbox;
        this.evaluator = evaluator;
        this.execution = execution;
        this.prices = prices;
        this.clock = clock;
    }

    /** The finished node; a budget refusal or an interruption of the model call is thrown. */
    Node make(Node node, Expansion expansion, Context context) {
        ChatResponse response = model.chat(
                context.prompts().request(expansion, context.baseline(), context.otherDrafts(), node.direction()));
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        double cost = prices.priceOf(response.modelName()).cost(in, out, 0);
        String text = response.aiMessage() == null ? "" : response.aiMessage().text();
        Proposal proposal = Proposal.parse(text, script(context.task()));
        Map<String, String> files = new TreeMap<>(
                expansion.parent() == null ? Map.of() : expansion.parent().files());
        files.putAll(proposal.files());
        Node written = node.written(proposal.plan(), files, "", in, out, cost);
        if (proposal.files().isEmpty()) {
            return written.failed("the model's answer held no files:\n" + TreePrompts.tail(text), clock.instant());
        }
        Workspace ws;
        try {
            ws = materialize(context, node.id(), files);
        } catch (WorkspaceException e) {
            return written.failed("the answer's files could not be written: " + e.getMessage(), clock.instant());
        }
        written = written.written(
                proposal.plan(), files, ws.diffFrom(context.starter().dir()), in, out, cost);
        return execute(written, ws, context);
    }

    private Node execute(Node node, Workspace ws, Context context) {
        TaskSpec task = context.task();
        if (!context.approval().test(node)) {
            return node.failed("the team declined running it", clock.instant());
        }
        ExecutionResult result = sandbox.run(ExecutionRequest.builder(ws.dir(), task.runCommand())
                .limits(execution)
                .network(NetworkPolicy.NONE)
                .readOnly(task.readOnlyGlobs())
                .listener(new OutputListener() {
                    @Override
                    public void onLine(OutputStream stream, String line) {}

                    @Override
                    public void onStatus(String status) {
                        context.waiting().accept(status);
                    }
                })
                .build());
        save(ws.runDir().resolve("output.txt"), result.output());
        String tail = TreePrompts.tail(result.output());
        if (!result.succeeded()) {
            return node.failed(
                    "exit code " + result.exitCode() + (result.timedOut() ? ", timed out" : "")
                            + (result.oomKilled() ? ", killed: out of memory" : "") + "\n" + result.summary() + "\n"
                            + tail,
                    clock.instant());
        }
        try {
            Score score = evaluator.hearing(context.waiting()).score(task, ws, HeldOut.VALIDATION);
            return node.done(tail, score.value(), clock.instant());
        } catch (RuntimeException e) {
            return node.failed(
                    "the task's evaluation failed: " + e.getMessage() + "\nexecution output:\n" + tail,
                    clock.instant());
        }
    }

    private static Workspace materialize(Context context, String id, Map<String, String> files) {
        Path nodeDir = context.runDir().resolve("nodes").resolve(id);
        FileTrees.deleteTree(nodeDir);
        try {
            Files.createDirectories(nodeDir.resolve("workspace"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + nodeDir, e);
        }
        FileTrees.copyTree(context.starter().dir(), nodeDir.resolve("workspace"));
        Workspace ws = Workspace.open(context.task(), nodeDir);
        files.forEach(ws::write);
        return ws;
    }

    /** The file an unnamed code block is: the first .py of the run command, else train.py. */
    static String script(TaskSpec task) {
        return task.runCommand().stream()
                .filter(a -> a.endsWith(".py"))
                .findFirst()
                .orElse("train.py");
    }

    private static void save(Path file, String output) {
        try {
            Files.writeString(file, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the output in " + file, e);
        }
    }

    /**
     * What a node's making needs besides the node.
     *
     * @param task        the task
     * @param runDir      the run directory
     * @param starter     the prepared starter workspace
     * @param prompts     the operators' requests
     * @param baseline    the starter code's score
     * @param otherDrafts the plans of the drafts made so far (for a draft's prompt)
     * @param waiting     hears what the sandbox waits for
     * @param approval    whether the team lets a node's code run (asked as the run's approval gate says)
     */
    record Context(
            TaskSpec task,
            Path runDir,
            StarterCode starter,
            TreePrompts prompts,
            double baseline,
            List<String> otherDrafts,
            Consumer<String> waiting,
            java.util.function.Predicate<Node> approval) {}
}
