package org.mlrcopilot.agents.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxFailureException;

/** What the agent and the team read when the sandbox stopped the code at a limit, or failed itself. */
class SandboxOutcomesTest {

    private static final String TOO_MANY = "the code created more files than the workspace may hold (1000 files and "
            + "directories, sandbox.maxFiles); none of its changes were copied back, the run directory was left "
            + "unchanged";

    @TempDir
    Path dir;

    /** The fake's runs, except the {@code n}th run of the task's command (1: the baseline), which {@code odd} makes. */
    private static Sandbox failingRun(FakeSandbox fake, int n, java.util.function.Supplier<ExecutionResult> odd) {
        return new Sandbox() {
            private int runs;

            @Override
            public ExecutionResult run(ExecutionRequest request) {
                if (!request.command().contains("-c") && ++runs == n) {
                    return odd.get();
                }
                return fake.run(request);
            }

            @Override
            public String backend() {
                return "fake";
            }

            @Override
            public Set<Guarantee> guarantees() {
                return Set.of();
            }
        };
    }

    @Test
    void theObservationSaysPlainlyThatTheWorkspaceLimitStoppedTheScript() {
        Harness h = new Harness(dir);
        h.main.tool("execute_script", Map.of("script_name", "train.py")).tool("final_answer", Map.of("answer", "x"));
        Sandbox sandbox = failingRun(
                h.sandbox,
                2,
                () -> new ExecutionResult(
                        1,
                        false,
                        false,
                        Duration.ofSeconds(3),
                        "OSError: [Errno 28] No space left on device\n",
                        44,
                        0,
                        List.of(),
                        List.of(),
                        "fake",
                        Set.of(),
                        TOO_MANY));

        h.agent(h.main, sandbox).run(h.task, "plan", h.runDir(), StepListener.ignore());

        assertThat(h.main.user(1))
                .contains("stopped: " + TOO_MANY)
                .contains("workspace limit reached: " + TOO_MANY + ". Write fewer or smaller files");
    }

    @Test
    void aContainerKilledFromOutsideEndsTheRunAsTheSandboxsFailureNotTheCodes() {
        Harness h = new Harness(dir);
        h.main.tool("execute_script", Map.of("script_name", "train.py")).tool("final_answer", Map.of("answer", "x"));
        Sandbox sandbox = failingRun(h.sandbox, 2, () -> {
            throw new SandboxFailureException(
                    SandboxFailureException.Kind.CONTAINER_KILLED,
                    "the run's container was killed (signal 9) while the code ran (exit 137)",
                    null);
        });

        ExperimentResult result = h.agent(h.main, sandbox).run(h.task, "plan", h.runDir(), StepListener.ignore());

        assertThat(result.stopReason().text())
                .startsWith("error: the sandbox failed (container killed from outside the sandbox): ")
                .doesNotContain("failed (exit 137)");
    }

    @Test
    void anUnreachableEngineAtTheBaselineIsNotBlamedOnTheStarterCode() {
        Harness h = new Harness(dir);
        h.main.tool("final_answer", Map.of("answer", "x"));
        Sandbox sandbox = failingRun(h.sandbox, 1, () -> {
            throw new SandboxFailureException(
                    SandboxFailureException.Kind.ENGINE_UNREACHABLE,
                    "the Docker engine at unix:///var/run/docker.sock did not answer during the run "
                            + "(Connection refused); the engine did not answer again within 2m",
                    null);
        });

        ExperimentResult result = h.agent(h.main, sandbox).run(h.task, "plan", h.runDir(), StepListener.ignore());

        assertThat(result.stopReason().text())
                .startsWith("error: the sandbox failed (engine unreachable): the Docker engine at")
                .doesNotContain("starter code");
    }
}
