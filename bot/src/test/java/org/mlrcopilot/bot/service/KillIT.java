package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `mlr serve` as its own process, killed with SIGKILL (kill -9) during the idea stage and during an experiment,
 * then started again on the same data directory: the thread continues where it was, with one status message.
 */
class KillIT {

    private static final Path JAR = ServiceFixture.ROOT.resolve("bot/target/mlr-bot.jar");

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private Process serve;

    private Map<String, String> store;

    @BeforeEach
    void start() {
        assertThat(JAR)
                .as("the packaged bot (mvn package runs before the integration tests)")
                .isRegularFile();
        store = storeSettings();
        fixture = new ServiceFixture(dir, store);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (serve != null) {
            serve.destroyForcibly().waitFor();
        }
        fixture.close();
        dropStore();
    }

    /** The settings choosing the store, as environment variables; none: H2 in the data directory. */
    Map<String, String> storeSettings() {
        return Map.of();
    }

    /** Called once the service has stopped. */
    void dropStore() {}

    private ChatClient launch() throws IOException {
        serve = fixture.serve(JAR, store);
        return new ChatClient(fixture.port, "u-bob", "bob");
    }

    private void kill() throws InterruptedException {
        serve.destroyForcibly().waitFor();
        serve = null;
    }

    private static long statusMessages(List<JsonNode> thread) {
        return thread.stream()
                .filter(m -> m.path("text").asText().contains("· research r-"))
                .count();
    }

    @Test
    void killedDuringTheIdeaStageItContinuesAfterARestart() throws Exception {
        fixture.llm
                .enqueueText(Files.readString(ServiceFixture.ANSWERS.resolve("elements.json")), 1000, 100)
                .enqueueSlow(Duration.ofSeconds(90), "{}");
        ChatClient bob = launch();
        String root = bob.postWithEventId("research", fixture.paperUrl(), "evt-kill")
                .at("/message/id")
                .asText();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> fixture.llm.requests().size() >= 2);

        kill();
        bob = launch();

        List<JsonNode> thread = ServiceIT.waitForHypotheses(bob, "research", root, 3);
        assertThat(statusMessages(thread)).isEqualTo(1);
        assertThat(thread.stream().filter(m -> m.path("title").asText().startsWith("Brief: ")))
                .hasSize(1);
        bob.postWithEventId("research", fixture.paperUrl(), "evt-kill");
        assertThat(Files.readString(dir.resolve("serve.log"))).contains("recovered 1");
    }

    @Test
    void aVoteAcknowledgedJustBeforeTheKillIsKept() throws Exception {
        ChatClient bob = launch();
        String root = bob.post("research", fixture.paperUrl()).at("/message/id").asText();
        String h1 = ServiceIT.find(ServiceIT.waitForHypotheses(bob, "research", root, 3), "H1 v1: ")
                .path("id")
                .asText();
        bob.react(h1, "+1");
        kill();

        launch();
        ChatClient ann = new ChatClient(fixture.port, "u-ann", "ann");
        ann.react(h1, "+1");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ServiceIT.find(ann.thread("research", root), "H1 v1: ")
                        .path("text")
                        .asText()
                        .contains("👍 2"));
    }

    @Test
    void killedDuringARunItResumesAfterTheLastStep() throws Exception {
        ChatClient bob = launch();
        String root = bob.post("research", fixture.paperUrl()).at("/message/id").asText();
        JsonNode h1 = ServiceIT.find(ServiceIT.waitForHypotheses(bob, "research", root, 3), "H1 v1: ");
        fixture.action("list_files", Map.of("dir_path", "."));
        fixture.llm.enqueueSlow(Duration.ofSeconds(90), "thinking");
        int before = fixture.llm.requests().size();
        bob.press(h1.path("id").asText(), "run", "H1");
        await().atMost(Duration.ofMinutes(2)).until(() -> fixture.llm.requests().size() >= before + 2);
        assertThat(bob.reply("research", root, "try a smaller learning rate too")
                        .path("notice")
                        .asText())
                .contains("Passed to the running experiment");

        kill();
        fixture.action(
                "write_file", Map.of("file_name", "train.py", "content", ServiceFixture.trainingScriptWithPlot()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "Scaled pixels and an RBF SVC did better."));
        ChatClient back = launch();

        JsonNode results = ServiceIT.waitForMessage(back, root, "Results: ", Duration.ofMinutes(4));
        assertThat(results.path("fields").toString()).contains("Final");
        List<JsonNode> thread = back.thread("research", root);
        assertThat(thread.stream().map(m -> m.path("text").asText())).anyMatch(t -> t.contains("after step 1"));
        assertThat(statusMessages(thread)).isEqualTo(1);
        assertThat(fixture.llm.requests().stream().skip(before + 2).map(r -> r.promptText()))
                .as("feedback acknowledged just before the kill reaches the agent after the restart")
                .anyMatch(p -> p.contains("try a smaller learning rate too"));
    }
}
