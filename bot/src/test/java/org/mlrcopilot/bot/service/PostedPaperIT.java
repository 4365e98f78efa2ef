package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mlrcopilot.bot.service.ServiceIT.find;
import static org.mlrcopilot.bot.service.ServiceIT.waitForHypotheses;

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
import org.mlrcopilot.agents.research.Research;

/**
 * A paper posted as a PDF file in the web chat (the browser's multipart upload) starts a research on it: read from
 * the kept file, cached by its SHA-256, the file's name as its source; a file that is not a PDF is refused in the
 * thread and starts nothing.
 */
class PostedPaperIT {

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

    @Test
    void aPdfPostedAsAFileStartsAResearchOnIt() throws Exception {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        byte[] pdf = Files.readAllBytes(ServiceFixture.SPECTER);
        String upload = bob.uploadForm("specter.pdf", pdf);
        JsonNode posted = bob.postWithFiles("research", "", List.of(upload)).path("message");
        String root = posted.path("id").asText();
        assertThat(posted.at("/attachments/0/name").asText()).isEqualTo("specter.pdf");

        List<JsonNode> thread = waitForHypotheses(bob, "research", root, 3);

        Research r = service.store().recent(1).get(0);
        assertThat(r.link()).matches("upload:[0-9a-f]{64}/specter\\.pdf");
        assertThat(r.title()).containsIgnoringCase("SPECTER");
        assertThat(find(thread, "Brief: ").path("title").asText()).containsIgnoringCase("SPECTER");
        assertThat(dir.resolve("data/posted-papers").resolve(r.link().substring(7, 71) + ".pdf"))
                .hasBinaryContent(pdf);
    }

    @Test
    void aFileThatIsNotAPdfIsRefusedInTheThread() {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String upload = bob.uploadForm("notes.pdf", "just some notes, not a PDF".getBytes());
        String root = bob.postWithFiles("research", "", List.of(upload))
                .at("/message/id")
                .asText();

        JsonNode answer = await().atMost(Duration.ofSeconds(20))
                .until(() -> bob.thread("research", root), t -> t.size() == 2)
                .get(1);
        assertThat(answer.path("text").asText())
                .contains("could not read notes.pdf")
                .contains("is not a PDF")
                .contains("Next:");
        assertThat(service.store().recent(5)).isEmpty();
    }
}
