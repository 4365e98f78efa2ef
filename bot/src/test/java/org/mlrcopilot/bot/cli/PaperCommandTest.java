package org.mlrcopilot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `mlr paper` end to end: a PDF link and related work from fake scholarly APIs on this machine. */
class PaperCommandTest {

    private static final Path PDF = Path.of("../papers/src/test/resources/papers/N18-3011.pdf");
    private static final Path OPENALEX = Path.of("../papers/src/test/resources/literature/openalex/works.json");

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        byte[] pdf = Files.readAllBytes(PDF);
        String works = Files.readString(OPENALEX);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.equals("/files/paper.pdf")) {
                    return new MockResponse()
                            .setHeader("Content-Type", "application/pdf")
                            .setBody(new Buffer().write(pdf));
                }
                if (path.startsWith("/openalex/works")) {
                    return new MockResponse()
                            .setHeader("Content-Type", "application/json")
                            .setBody(works);
                }
                if (path.startsWith("/s2/")) {
                    return new MockResponse().setResponseCode(429).setHeader("Retry-After", "60");
                }
                return new MockResponse().setResponseCode(404);
            }
        });
        server.start();
        String base = server.url("/").toString();
        Files.writeString(
                dir.resolve("mlr.yaml"),
                "fetch:\n  allowPrivateAddresses: true\n"
                        + "store:\n  dataDir: " + dir.resolve("data") + "\n"
                        + "papers:\n  semanticScholarUrl: " + base + "s2\n  openAlexUrl: " + base + "openalex\n"
                        + "  arxivApiUrl: " + base + "arxiv/api/query\n  relatedWorkDeadline: 20s\n");
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void printsThePaperAndItsRelatedWorkWithAJsonLastLine() throws IOException, InterruptedException {
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir", dir.toString(), "paper", server.url("/files/paper.pdf").toString(), "--json");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(outcome.lastLine());
        assertThat(json.get("title").asText()).isNotBlank();
        assertThat(json.get("abstract").asText()).isNotBlank();
        assertThat(json.get("authors").isArray()).isTrue();
        assertThat(json.get("sections").size()).isGreaterThan(3);
        assertThat(json.get("sections").get(0).has("heading")).isTrue();
        assertThat(json.get("sections").get(0).has("text")).isTrue();
        assertThat(json.get("references").size()).isGreaterThan(5);
        assertThat(json.get("links").isArray()).isTrue();
        JsonNode related = json.get("relatedWork");
        assertThat(related.size()).isPositive();
        for (JsonNode r : related) {
            assertThat(r.get("title").asText()).isNotBlank();
            assertThat(r.get("source").asText()).isEqualTo("openalex");
            assertThat(r.get("score").asDouble()).isBetween(0.0, 1.0);
            assertThat(r.has("year")).isTrue();
            assertThat(r.has("abstract")).isTrue();
        }
        assertThat(json.get("relatedWorkSources").toString())
                .contains("semantic-scholar")
                .contains("429");
        assertThat(outcome.out()).contains("Related work").contains("References: ");
        while (server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS) != null) {
            // the first run's requests
        }
        CliRunner.Outcome again = CliRunner.run(
                "--dir", dir.toString(), "paper", server.url("/files/paper.pdf").toString(), "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.lastLine()).contains(json.get("title").asText());
        java.util.List<String> paths = new java.util.ArrayList<>();
        for (var r = server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS);
                r != null;
                r = server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS)) {
            paths.add(r.getPath());
        }
        assertThat(paths).as("the paper comes from the store's cache").doesNotContain("/files/paper.pdf");
        assertThat(dir.resolve("data/mlr.mv.db")).exists();
    }

    @Test
    void unsupportedLinkIsAClearAnswer() {
        CliRunner.Outcome outcome = CliRunner.run("--dir", dir.toString(), "paper", "file:///etc/passwd");

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.err()).contains("file: links are not supported").contains("arXiv");
    }

    @Test
    void blockedAddressIsRefusedWithoutTheSwitch() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "store:\n  dataDir: " + dir.resolve("data") + "\n");
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir", dir.toString(), "paper", server.url("/files/paper.pdf").toString(), "--no-related");

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.err()).contains("refused");
        assertThat(server.getRequestCount()).isZero();
    }
}
