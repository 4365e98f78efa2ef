package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mlrcopilot.bot.service.ServiceIT.find;
import static org.mlrcopilot.bot.service.ServiceIT.waitForHypotheses;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-person limits through the web chat: researches started per hour, and spending per day before a run. */
class PersonLimitsIT {

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private BotService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        fixture.close();
    }

    private ChatClient start(Map<String, String> env) {
        fixture = new ServiceFixture(dir, env);
        service = fixture.start(new ByteArrayOutputStream());
        return new ChatClient(service.port(), "u-bob", "bob");
    }

    @Test
    void aPersonStartsAtMostTheResearchesOfAnHour() {
        ChatClient bob = start(Map.of("MLR_BUDGET_RESEARCHES_PER_HOUR", "2"));
        bob.post("research", "one " + fixture.paperUrl());
        bob.post("general", "two " + fixture.secondPaperUrl());
        String third = bob.post("research", "three " + fixture.paperUrl())
                .at("/message/id")
                .asText();

        JsonNode answer = await().atMost(Duration.ofSeconds(20))
                .until(() -> bob.thread("research", third), t -> t.size() == 2)
                .get(1);
        assertThat(answer.path("text").asText())
                .contains("u-bob started 2 researches in the last hour")
                .contains("budget.researchesPerHour");
        assertThat(service.store().recent(10)).hasSize(2);
        ChatClient carol = new ChatClient(service.port(), "u-carol", "carol");
        carol.post("research", "mine " + fixture.paperUrl());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.store().recent(10).size() == 3);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> service.store().unfinished().isEmpty());
    }

    @Test
    void aPersonWhoseResearchesSpentTheDaysBudgetStartsNoRun() {
        ChatClient bob = start(Map.of("MLR_BUDGET_PER_PERSON_USD", "0.000001", "MLR_SERVICE_APPROVERS", "u-alice"));
        String root = bob.post("research", "look " + fixture.paperUrl())
                .at("/message/id")
                .asText();
        JsonNode h1 = find(waitForHypotheses(bob, "research", root, 3), "H1 v1: ");
        ChatClient alice = new ChatClient(service.port(), "u-alice", "alice");

        String notice =
                alice.react(h1.path("id").asText(), "rocket").path("notice").asText();

        assertThat(notice).contains("spent $").contains("budget.perPersonUsd");
        assertThat(service.store().runs(service.store().recent(1).get(0).id())).isEmpty();
    }
}
