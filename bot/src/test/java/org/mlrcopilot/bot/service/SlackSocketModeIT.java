package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack in Socket Mode: Bolt's Socket Mode client (Java-WebSocket backend) opens its connection through
 * {@code apps.connections.open} on the fake Web API, receives an Events API envelope from the fake WebSocket end,
 * acknowledges it, and the mention becomes a thread with hypotheses, posted through the Web API.
 */
class SlackSocketModeIT {

    @TempDir
    Path dir;

    private FakeSlack slack;
    private FakeSocketMode socket;
    private ServiceFixture fixture;
    private BotService service;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        socket = new FakeSocketMode();
        socket.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.listening && socket.getPort() > 0);
        slack.socketUrl = socket.url();
        fixture = new ServiceFixture(
                dir,
                Map.of(
                        "MLR_SLACK_MODE",
                        "socket",
                        "SLACK_BOT_TOKEN",
                        "xoxb-test-2",
                        "SLACK_APP_TOKEN",
                        "xapp-test-2",
                        "MLR_SLACK_API_URL",
                        slack.apiUrl()));
        service = fixture.start(new ByteArrayOutputStream());
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        fixture.close();
        socket.stop(1000);
        slack.close();
    }

    @Test
    void anEnvelopeIsAcknowledgedAndItsMentionStartsAResearch() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !socket.clients.isEmpty());
        assertThat(slack.calls("apps.connections.open")).isNotEmpty();
        String ts = "1700000700.000100";
        socket.push(
                "env-1",
                "{\"token\":\"legacy\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":"
                        + "\"event_callback\",\"event_id\":\"EvS1\",\"event_time\":1700000700,\"event\":{\"type\":"
                        + "\"app_mention\",\"user\":\"U1\",\"text\":\"<@UBOT> read <" + fixture.paperUrl()
                        + ">\",\"ts\":\""
                        + ts + "\",\"channel\":\"C2\",\"event_ts\":\"" + ts + "\"}}");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> socket.received.stream().anyMatch(m -> m.contains("\"envelope_id\":\"env-1\"")));
        await().atMost(Duration.ofSeconds(90))
                .until(() -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").matches("(?s)H\\d v1: .*")
                                        && c.param("thread_ts").equals(ts))
                                .count()
                        == 3);
        assertThat(service.store().recent(5))
                .singleElement()
                .satisfies(r -> assertThat(r.platform()).isEqualTo("slack"));
    }
}
