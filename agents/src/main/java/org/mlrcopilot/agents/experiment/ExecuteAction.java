package org.mlrcopilot.agents.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.OutputListener;
import org.mlrcopilot.sandbox.Sandbox;

/** execute_script: {@code python3 <script>} in the sandbox on the workspace; the full output goes to outputs/step-N.txt. */
final class ExecuteAction {

    private final Sandbox sandbox;
    private final ExperimentLimits limits;

    ExecuteAction(Sandbox sandbox, ExperimentLimits limits) {
        this.sandbox = sandbox;
        this.limits = limits;
    }

    String execute(Run run, String script, int step) {
        run.ws.read(script);
        ExecutionResult result = sandbox.run(ExecutionRequest.builder(run.ws.dir(), "python3", script)
                .limits(limits.execution())
                .network(NetworkPolicy.NONE)
                // the task's read-only files guard the code too, not only the agent's tools: what the script
                // writes there never comes back
                .readOnly(run.ws.task().readOnlyGlobs())
                .listener(new OutputListener() {
                    @Override
                    public void onLine(OutputStream stream, String line) {}

                    @Override
                    public void onStatus(String status) {
                        run.listener.onWaiting(status);
                    }
                })
                .build());
        run.executed = true;
        Path saved = save(run, step, result.output());
        return observation(result, saved);
    }

    private String observation(ExecutionResult result, Path saved) {
        StringBuilder out = new StringBuilder()
                .append("exit code: ")
                .append(result.exitCode())
                .append(", timed out: ")
                .append(result.timedOut())
                .append(result.oomKilled() ? ", killed: out of memory" : "")
                .append('\n')
                .append(result.summary())
                .append('\n');
        if (!result.limitExceeded().isEmpty()) {
            out.append("workspace limit reached: ")
                    .append(result.limitExceeded())
                    .append(
                            ". Write fewer or smaller files (e.g. one results file, not one per item) and run again.\n");
        }
        if (!result.refusedFiles().isEmpty()) {
            out.append("files not copied back to the workspace: ")
                    .append(result.refusedFiles())
                    .append('\n');
        }
        out.append("output (full output in ").append(saved.getFileName()).append("):\n");
        int room = Math.max(100, limits.maxObservationChars() - out.length());
        return out.append(Text.tail(result.output(), room)).toString();
    }

    static Path outputFile(Run run, int step) {
        return run.outputs().resolve("step-" + step + ".txt");
    }

    private static Path save(Run run, int step, String output) {
        Path file = outputFile(run, step);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, output);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the output of step " + step, e);
        }
    }
}
