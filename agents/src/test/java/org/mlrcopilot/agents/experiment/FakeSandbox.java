package org.mlrcopilot.agents.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.Sandbox;

/**
 * A sandbox for tests where execution is not the point: scoring prints the next scripted score, the starter run
 * writes submission.csv and the first run (the baseline's) prints "starter",
 * execute_script prints the next scripted output.
 */
public final class FakeSandbox implements Sandbox {

    final List<ExecutionRequest> requests = new ArrayList<>();
    final Deque<Double> scores = new ArrayDeque<>(List.of(0.5));
    final Deque<String> outputs = new ArrayDeque<>();
    double lastScore = 0.5;
    private boolean starterRan;

    @Override
    public ExecutionResult run(ExecutionRequest request) {
        requests.add(request);
        if (request.command().contains("-c")) {
            lastScore = scores.isEmpty() ? lastScore : scores.pop();
            return result(0, "MLR_SCORE=" + lastScore + "\n");
        }
        write(request, "submission.csv", "id,label\n0,1\n");
        if (!starterRan) {
            starterRan = true;
            return result(0, "starter\n");
        }
        return result(0, outputs.isEmpty() ? "done\n" : outputs.pop());
    }

    /** The scores that the next scorings print, in order (the last one is repeated after them). */
    public FakeSandbox scoring(double... values) {
        scores.clear();
        for (double v : values) {
            scores.add(v);
        }
        return this;
    }

    long executions() {
        return requests.stream().filter(r -> !r.command().contains("-c")).count();
    }

    @Override
    public String backend() {
        return "fake";
    }

    @Override
    public Set<Guarantee> guarantees() {
        return Set.of();
    }

    private static void write(ExecutionRequest request, String file, String content) {
        try {
            Files.writeString(request.workspace().resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A result as a quick sandbox gives it: the exit code and the output, nothing cut, no files refused. */
    public static ExecutionResult result(int exit, String output) {
        return new ExecutionResult(
                exit,
                false,
                false,
                Duration.ofMillis(5),
                output,
                output.length(),
                0,
                List.of(),
                List.of(),
                "fake",
                Set.of());
    }
}
