package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mlrcopilot.bot.service.ServiceIT.find;
import static org.mlrcopilot.bot.service.ServiceIT.waitForHypotheses;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.research.ResearchRun;

/**
 * The whole chain with experiments on a real single-node Slurm cluster (sandbox.backend=slurm): while another job
 * holds the cluster, the thread's status says the run is queued on Slurm and why; when the cluster frees, the run
 * goes on and its results arrive, measured by jobs that ran under the same confinement as on one machine.
 */
class SlurmServiceIT {

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private BotService service;
    private String blocker = "";

    @AfterEach
    void stop() {
        if (!blocker.isEmpty()) {
            run("scancel", blocker);
        }
        if (service != null) {
            service.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aQueuedRunSaysSoInTheThreadAndFinishesWhenTheClusterFrees() throws Exception {
        boolean cluster = run("sinfo", "-h", "-o", "%t").matches("(?s).*(idle|mix|alloc).*");
        if (Boolean.getBoolean("mlr.requireSandboxes")) {
            assertThat(cluster)
                    .as("a Slurm cluster is required (mlr.requireSandboxes=true): .ci/slurm.sh starts one")
                    .isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(cluster, "no Slurm cluster here (.ci/slurm.sh starts one)");
        fixture = new ServiceFixture(
                dir,
                Map.of(
                        "MLR_SANDBOX_BACKEND",
                        "slurm",
                        "MLR_SANDBOX_SLURM_SHARED_DIR",
                        "/var/lib/mlr-copilot/slurm-service-test",
                        "MLR_SANDBOX_SLURM_POLL",
                        "200ms"));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        service = fixture.start(report);
        assertThat(report.toString()).contains("slurm");
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.post("research", "on the cluster " + fixture.paperUrl())
                .at("/message/id")
                .asText();
        JsonNode h1 = find(waitForHypotheses(bob, "research", root, 3), "H1 v1: ");

        blocker = run(
                        "sbatch",
                        "--parsable",
                        "--output=/dev/null",
                        "--time=5",
                        "--cpus-per-task="
                                + run("sinfo", "-h", "-o", "%c")
                                        .strip()
                                        .lines()
                                        .findFirst()
                                        .orElse("1"),
                        "--wrap=sleep 300")
                .strip();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        run("squeue", "-h", "-j", blocker, "-o", "%T").strip().equals("RUNNING"));
        fixture.action(
                "write_file", Map.of("file_name", "train.py", "content", ServiceFixture.trainingScriptWithPlot()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "An RBF SVC beats the baseline."));
        assertThat(bob.press(h1.path("id").asText(), "run", "H1").path("notice").asText())
                .contains("Approved");

        String status = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> bob.thread("research", root).stream()
                                .map(m -> m.path("text").asText())
                                .filter(t -> t.contains("queued on Slurm"))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(status).containsPattern("queued on Slurm \\((Resources|Priority)\\) for \\d+s");
        run("scancel", blocker);

        JsonNode results = await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Optional.ofNullable(find(bob.thread("research", root), "Results: ")), Optional::isPresent)
                .get();
        assertThat(results.path("fields").toString()).contains("Baseline", "Final");
        ResearchRun done =
                service.store().runs(service.store().recent(1).get(0).id()).get(0);
        assertThat(done.result().finalScore()).isGreaterThan(done.result().baseline());
    }

    private static String run(String... argv) {
        try {
            if (!java.nio.file.Files.isExecutable(Path.of("/usr/bin", argv[0]))) {
                return "";
            }
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
