package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.research.ResearchRun;

/**
 * The service stopped in the middle of the idea stage and in the middle of an experiment, then started again on
 * the same data: nothing is lost, the status message is edited again (not posted twice), a repeated event is
 * ignored, and the run resumes after its last completed step.
 */
class RestartIT {

    @TempDir
    Path dir;

    ServiceFixture fixture;
    BotService service;

    @BeforeEach
    void start() {
        fixture = new ServiceFixture(dir, storeSettings());
        service = fixture.start(new ByteArrayOutputStream());
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
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

    private static long statusMessages(List<JsonNode> thread) {
        return thread.stream()
                .filter(m -> m.path("bot").asBoolean())
                .filter(m -> m.path("text").asText().contains("· research r-"))
                .count();
    }

    @Test
    void theIdeaStageContinuesAfterARestart() throws Exception {
        fixture.llm
                .enqueueText(Files.readString(ServiceFixture.ANSWERS.resolve("elements.json")), 1000, 100)
                .enqueueSlow(Duration.ofSeconds(60), "{}");
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.postWithEventId("research", fixture.paperUrl(), "evt-1")
                .at("/message/id")
                .asText();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> fixture.llm.requests().size() >= 2);

        service.close();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        service = fixture.start(report);
        bob = new ChatClient(service.port(), "u-bob", "bob");

        assertThat(report.toString()).contains("recovered 1");
        List<JsonNode> thread = ServiceIT.waitForHypotheses(bob, "research", root, 3);
        assertThat(statusMessages(thread)).isEqualTo(1);
        assertThat(thread.stream().filter(m -> m.path("title").asText().startsWith("Brief: ")))
                .hasSize(1);
        bob.postWithEventId("research", fixture.paperUrl(), "evt-1");
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> service.store().recent(10).size() == 1);
    }

    @Test
    void aRefinementInterruptedByAStopIsMadeAfterTheRestart() throws Exception {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.post("research", fixture.paperUrl()).at("/message/id").asText();
        JsonNode h1 = ServiceIT.find(ServiceIT.waitForHypotheses(bob, "research", root, 3), "H1 v1: ");
        bob.reply("research", root, "H1 should also try a smaller learning rate");
        String researchId = service.store().recent(1).get(0).id();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !service.store().feedback(researchId, "H1").isEmpty());
        fixture.llm.enqueueSlow(Duration.ofSeconds(60), "{}");
        assertThat(bob.press(h1.path("id").asText(), "refine", "H1")
                        .path("notice")
                        .asText())
                .contains("Refining H1");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> service.store().hypotheses(researchId).stream()
                        .anyMatch(h -> h.id().equals("H1") && h.state().name().equals("REFINING")));
        await("the slow answer is being waited for, so the next service does not get it")
                .atMost(Duration.ofSeconds(30))
                .until(() -> fixture.llm.pendingReplies() == 0);

        service.close();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        service = fixture.start(report);
        bob = new ChatClient(service.port(), "u-bob", "bob");

        assertThat(report.toString()).contains("recovered 1");
        ChatClient reader = bob;
        JsonNode v2 = ServiceIT.waitForMessage(reader, root, "H1 v2: ", Duration.ofSeconds(30));
        assertThat(v2.path("id").asText())
                .as("a message of its own")
                .isNotEqualTo(h1.path("id").asText());
        assertThat(service.store().hypotheses(researchId))
                .filteredOn(h -> h.id().equals("H1"))
                .singleElement()
                .satisfies(h -> assertThat(h.state().name()).isEqualTo("PROPOSED"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ServiceIT.find(reader.thread("research", root), "H1 v1: ")
                        .path("text")
                        .asText()
                        .contains("superseded by v2"));
        assertThat(reader.thread("research", root).stream()
                        .filter(m -> m.path("title").asText().startsWith("H1 v2: ")))
                .as("posted once")
                .hasSize(1);
    }

    @Test
    void anInterruptedRunResumesAfterItsLastStep() throws Exception {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.post("research", fixture.paperUrl()).at("/message/id").asText();
        JsonNode h2 = ServiceIT.find(ServiceIT.waitForHypotheses(bob, "research", root, 3), "H2 v1: ");
        fixture.setupSteps();
        fixture.action("list_files", Map.of("dir_path", "."));
        fixture.llm.enqueueSlow(Duration.ofSeconds(60), "thinking");
        bob.press(h2.path("id").asText(), "run", "H2");
        String researchId = service.store().recent(1).get(0).id();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> service.store().runs(researchId).stream().anyMatch(r -> r.step() == 1));
        await("the slow answer is being waited for, so the next service does not get it")
                .atMost(Duration.ofSeconds(30))
                .until(() -> fixture.llm.pendingReplies() == 0);

        service.close();
        int asked = fixture.llm.requests().size();
        await("no model call of the stopped service after it closed")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> fixture.llm.requests().size() == asked);
        fixture.action("write_file", Map.of("file_name", "train.py", "content", ServiceFixture.tfidfScript()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "TF-IDF with logistic regression did better."));
        service = fixture.start(new ByteArrayOutputStream());
        ChatClient back = new ChatClient(service.port(), "u-bob", "bob");

        JsonNode results = ServiceIT.waitForMessage(back, root, "Results: ", Duration.ofMinutes(4));
        assertThat(results.path("text").asText()).contains("@bob");
        ResearchRun run = service.store().runs(researchId).get(0);
        List<StepRecord> steps = service.store().steps(run.id());
        assertThat(steps)
                .extracting(StepRecord::action)
                .containsExactly("list_files", "write_file", "execute_script", "final_answer");
        assertThat(back.thread("research", root).stream()
                        .map(m -> m.path("text").asText()))
                .anyMatch(t -> t.contains("Resuming " + run.id() + " after step 1"));
        assertThat(statusMessages(back.thread("research", root))).isEqualTo(1);
        assertThat(run.task())
                .as("the task built from the plan is resumed, not set up again")
                .isEqualTo("built from the plan (imdb-mini/reviews)");
        assertThat(run.result().finalScore()).isGreaterThan(run.result().baseline());
    }
}
