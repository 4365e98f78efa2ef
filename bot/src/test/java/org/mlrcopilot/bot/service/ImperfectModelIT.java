package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mlrcopilot.bot.service.ServiceIT.find;
import static org.mlrcopilot.bot.service.ServiceIT.waitForHypotheses;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose answers stay unusable after the repair does not fail the research: hypotheses whose review failed
 * are posted unreviewed with a *Review again* button that works once the model behaves, and a brief whose
 * elements failed still shows the paper and its related work.
 */
class ImperfectModelIT {

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private BotService service;

    @BeforeEach
    void start() {
        fixture = new ServiceFixture(dir, Map.of());
        service = fixture.start(new ByteArrayOutputStream());
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        fixture.close();
    }

    private void unusable(String schema) {
        fixture.llm.answerBy(request -> {
            String name = request.body().at("/response_format/json_schema/name").asText();
            return name.equals(schema) ? "I think they are all great ideas!" : ServiceFixture.answerFor(name);
        });
    }

    @Test
    void hypothesesWhoseReviewFailedArePostedUnreviewedAndCanBeReviewedAgain() {
        unusable("reviews");
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.post("research", "Look: " + fixture.paperUrl())
                .at("/message/id")
                .asText();

        List<JsonNode> thread = waitForHypotheses(bob, "research", root, 3);
        JsonNode h1 = find(thread, "H1 v1: ");
        assertThat(h1.path("fields").size()).as("no scores").isZero();
        assertThat(h1.path("text").asText()).contains("not reviewed yet");
        assertThat(h1.path("buttons").toString()).contains("Review again", "Run experiment");
        assertThat(thread.stream().map(m -> m.path("text").asText()))
                .anyMatch(t -> t.contains("the review of the hypotheses failed") && t.contains("Review again"));
        assertThat(service.store().recent(1).get(0).status().name()).isEqualTo("READY");

        fixture.llm.answerBy(request -> ServiceFixture.answerFor(
                request.body().at("/response_format/json_schema/name").asText()));
        assertThat(bob.press(h1.path("id").asText(), "review", "H1")
                        .path("notice")
                        .asText())
                .contains("Reviewing");

        JsonNode reviewed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Optional.ofNullable(find(bob.thread("research", root), "H1 v1: ")),
                        m -> m.isPresent() && m.get().path("fields").toString().contains("Clarity"))
                .get();
        assertThat(reviewed.path("buttons").toString()).doesNotContain("Review again");
        assertThat(reviewed.path("text").asText()).doesNotContain("not reviewed yet");
    }

    @Test
    void aBriefWhoseElementsFailedStillShowsThePaperAndItsRelatedWork() {
        unusable("research_elements");
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.post("research", "Look: " + fixture.paperUrl())
                .at("/message/id")
                .asText();

        List<JsonNode> thread = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> bob.thread("research", root),
                        t -> t.stream().anyMatch(m -> m.path("text").asText().contains("Next:"))
                                && find(t, "Brief: ") != null);
        JsonNode brief = find(thread, "Brief: ");
        assertThat(brief).as("the brief is posted").isNotNull();
        assertThat(brief.path("text").asText()).contains("Related work:");
        assertThat(service.store().recent(1).get(0).status().name()).isEqualTo("FAILED");
    }
}
