package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `mlr serve` as its own process running a chat research as a solution tree, killed with SIGKILL while its second
 * node is being written, then started again: the finished node is kept (its model call is not made again), the
 * interrupted one is made once more, and the tree goes on to its results.
 */
class TreeKillIT {

    private static final Path JAR = ServiceFixture.ROOT.resolve("bot/target/mlr-bot.jar");
    private static final Path SVC = ServiceFixture.ROOT.resolve("agents/src/test/resources/experiment/train_svc.py");
    private static final Map<String, String> TREE = Map.of(
            "MLR_EXPERIMENT_SEARCH", "tree",
            "MLR_EXPERIMENT_DRAFTS", "2",
            "MLR_EXPERIMENT_MAX_NODES", "3");

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private Process serve;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        assertThat(JAR)
                .as("the packaged bot (mvn package runs before the integration tests)")
                .isRegularFile();
        fixture = new ServiceFixture(dir, TREE);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (serve != null) {
            serve.destroyForcibly().waitFor();
        }
        fixture.close();
    }

    private ChatClient launch() throws IOException {
        serve = fixture.serve(JAR, TREE);
        return new ChatClient(fixture.port, "u-bob", "bob");
    }

    @Test
    void killedWhileANodeIsWrittenTheTreeKeepsItsFinishedNodeAndGoesOn() throws Exception {
        String svc = Files.readString(SVC);
        ChatClient bob = launch();
        String root = bob.post("research", fixture.paperUrl()).at("/message/id").asText();
        JsonNode h1 = ServiceIT.find(ServiceIT.waitForHypotheses(bob, "research", root, 3), "H1 v1: ");
        answer("an RBF SVC", svc);
        fixture.llm.enqueueSlow(Duration.ofSeconds(90), "still thinking");
        int before = fixture.llm.requests().size();
        bob.press(h1.path("id").asText(), "run", "H1");
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> fixture.llm.requests().size() >= before + 2
                        && bob.thread("research", root).stream()
                                .anyMatch(m -> m.path("text").asText().startsWith("New best: n1")));

        serve.destroyForcibly().waitFor();
        serve = null;
        answer("a logistic regression that converges", svc.replace("SVC(C=10, gamma=\"scale\")", "SVC(C=1)"));
        answer("an RBF SVC with a larger C", svc.replace("C=10", "C=20"));
        ChatClient back = launch();

        JsonNode results = ServiceIT.waitForMessage(back, root, "Results: ", Duration.ofMinutes(4));
        assertThat(results.path("text").asText()).contains("n1 draft", "n2 draft", "n3 improve");
        assertThat(fixture.llm.requests().size() - before)
                .as("n1 once, n2 twice (killed, then again), n3 once")
                .isEqualTo(4);
        String runId = back.send("GET", "/api/researches", null)
                .get(0)
                .path("runs")
                .get(0)
                .path("id")
                .asText();
        JsonNode steps = back.send("GET", "/api/runs/" + runId, null).path("steps");
        assertThat(StreamSupport.stream(steps.spliterator(), false)
                        .map(s -> {
                            try {
                                return json.readTree(s.path("input").asText())
                                        .path("id")
                                        .asText();
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })
                        .toList())
                .containsExactly("n1", "n2", "n3");
        assertThat(back.thread("research", root).stream()
                        .map(m -> m.path("text").asText()))
                .filteredOn(t -> t.startsWith("New best: n1"))
                .as("the finished node's milestone is not told again")
                .hasSize(1);
    }

    private void answer(String plan, String code) throws IOException {
        fixture.llm.enqueueText(json.writeValueAsString(Map.of("plan", plan, "files", Map.of("train.py", code))));
    }
}
