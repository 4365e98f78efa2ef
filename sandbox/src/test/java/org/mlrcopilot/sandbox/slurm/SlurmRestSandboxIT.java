package org.mlrcopilot.sandbox.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.sandbox.ContainmentContract;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.TestSandboxes;

/**
 * The Slurm backend driving slurmrestd (JWT) instead of the client programs, on the same single-node cluster
 * (.ci/slurm.sh starts the daemon on 127.0.0.1:6820): the same containment contract, a refused token said clearly.
 */
class SlurmRestSandboxIT extends ContainmentContract {

    static final URI REST = URI.create(System.getProperty("mlr.slurmRestUrl", "http://127.0.0.1:6820"));
    private static final Path SHARED = Path.of("/var/lib/mlr-copilot/slurm-rest-test");
    private static final String LABEL =
            "mlr-copilot-rest-test:" + UUID.randomUUID().toString().substring(0, 8);
    private static SlurmSandbox sandbox;
    private static SlurmRest rest;

    @BeforeAll
    static void start() {
        sandbox = TestSandboxes.start("slurm (REST)", () -> {
            SlurmSettings settings = settings(token());
            rest = new SlurmRest(settings.rest());
            return SlurmSandbox.start(TestSandboxes.settings(), settings);
        });
    }

    static SlurmSettings settings(String token) {
        return new SlurmSettings(
                SHARED,
                "",
                "",
                "",
                "bwrap",
                Duration.ofMillis(200),
                LABEL,
                new SlurmSettings.Rest(REST, System.getProperty("user.name"), token));
    }

    /** A token for this user from the controller, as an operator makes one. */
    static String token() {
        try {
            Process p = new ProcessBuilder(
                            "scontrol", "token", "username=" + System.getProperty("user.name"), "lifespan=3600")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            if (!out.startsWith("SLURM_JWT=")) {
                throw new SandboxException("no JWT from the controller (" + out + "); .ci/slurm.sh sets it up", false);
            }
            return out.substring("SLURM_JWT=".length());
        } catch (IOException e) {
            throw new SandboxException("scontrol is not installed: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted", false, e);
        }
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Override
    protected Sandbox sandbox() {
        return sandbox;
    }

    @Override
    protected void assertNothingLeftBehind() {
        SlurmSandboxIT.assertNoJobLeft(rest, LABEL, SHARED);
    }

    @Test
    void theStatusNamesTheDaemonAndItsPartitions() {
        assertThat(sandbox.reachedThrough()).isEqualTo("slurmrestd at " + REST);
        assertThat(sandbox.status())
                .anySatisfy(line -> assertThat(line).contains("nodes").contains("CPUs"));
    }

    @Test
    void aRefusedTokenIsSaidClearly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SlurmSandbox.start(TestSandboxes.settings(), settings("not-a-token")))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("slurmrestd")
                .hasMessageContaining("token")
                .hasMessageNotContaining("not-a-token");
        assertThat(sandbox.run(ExecutionRequest.builder(workspace, "echo", "still fine")
                                .limits(quick())
                                .build())
                        .output())
                .isEqualTo("still fine\n");
    }
}
