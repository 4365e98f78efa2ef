package org.mlrcopilot.agents.experiment.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.experiment.FakeSandbox;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.Sandbox;

/**
 * A thread-safe sandbox for tree tests: a train.py holding "crash" fails with a traceback, any other writes
 * submission.csv; scoring prints the number after "# score=" in train.py (0.5 without one), or for the test rows the
 * one after "# test=" when there is one, or for a run with MLR_SEED k the one after "# seed k=". Node executions are
 * recorded with their start and end, the scorings with their part of the held-out rows.
 */
final class ScoringSandbox implements Sandbox {

    private static final Pattern SCORE = Pattern.compile("# score=([0-9.]+)");

    /** One execution of a node's code. */
    record Execution(Path workspace, long startNanos, long endNanos) {}

    final List<Execution> executions = new CopyOnWriteArrayList<>();
    final List<String> scorings = new CopyOnWriteArrayList<>();
    volatile Consumer<Path> onNodeExecution = dir -> {};

    @Override
    public ExecutionResult run(ExecutionRequest request) {
        Path dir = request.workspace();
        if (request.command().contains("-c")) {
            String script = request.command().get(request.command().size() - 1);
            String part = script.contains("split='test'") ? "test" : script.contains("split='valid'") ? "valid" : "all";
            scorings.add(part);
            String code = read(dir.resolve("env/train.py"));
            String seed = read(dir.resolve("env/seed.txt")).strip();
            Matcher tagged = Pattern.compile("# " + (seed.isEmpty() ? "test" : "seed" + seed) + "=([0-9.]+)")
                    .matcher(code);
            String value = (part.equals("test") || !seed.isEmpty()) && tagged.find() ? tagged.group(1) : score(code);
            return FakeSandbox.result(0, "MLR_SCORE=" + value + "\n");
        }
        if (request.env().containsKey("MLR_SEED")) {
            write(dir.resolve("seed.txt"), request.env().get("MLR_SEED"));
        }
        boolean node = dir.toString().contains("nodes");
        long start = System.nanoTime();
        if (node) {
            onNodeExecution.accept(dir);
        }
        String code = read(dir.resolve("train.py"));
        ExecutionResult result;
        if (code.contains("crash")) {
            result = FakeSandbox.result(
                    1,
                    "Traceback (most recent call last):\n  File \"train.py\", line 3\nNameError: name "
                            + "'crash' is not defined\n");
        } else {
            write(dir.resolve("submission.csv"), "id,label\n0,1\n");
            result = FakeSandbox.result(0, "training done\n");
        }
        if (node) {
            executions.add(new Execution(dir, start, System.nanoTime()));
        }
        return result;
    }

    static String score(String code) {
        Matcher m = SCORE.matcher(code);
        return m.find() ? m.group(1) : "0.5";
    }

    @Override
    public String backend() {
        return "fake";
    }

    @Override
    public Set<Guarantee> guarantees() {
        return Set.of();
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
