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
import org.mlrcopilot.bot.llm.FakeLlmServer;
import org.mlrcopilot.bot.llm.RecordedLlmRequest;

/**
 * `mlr ideas` end to end: the real OpenAI client against a fake LLM server, the paper from a fake
 * site, related work from a fake OpenAlex (Semantic Scholar answering 429).
 */
class IdeasCommandTest {

    private static final Path ANSWERS = Path.of("../agents/src/test/resources/idea/answers");
    private static final Path PDF = Path.of("../papers/src/test/resources/papers/2020.acl-main.207.pdf");
    private static final Path OPENALEX = Path.of("../papers/src/test/resources/literature/openalex/works.json");

    @TempDir
    Path dir;

    private final MockWebServer site = new MockWebServer();
    private FakeLlmServer llm;

    @BeforeEach
    void start() throws IOException {
        byte[] pdf = Files.readAllBytes(PDF);
        String works = Files.readString(OPENALEX);
        site.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.equals("/paper.pdf")) {
                    return new MockResponse()
                            .setHeader("Content-Type", "application/pdf")
                            .setBody(new Buffer().write(pdf));
                }
                if (path.startsWith("/openalex/works")) {
                    return new MockResponse()
                            .setHeader("Content-Type", "application/json")
                            .setBody(works);
                }
                return path.startsWith("/s2/")
                        ? new MockResponse().setResponseCode(429)
                        : new MockResponse().setResponseCode(404);
            }
        });
        site.start();
        llm = FakeLlmServer.start();
        configure("");
    }

    private void configure(String extra) throws IOException {
        String base = site.url("/").toString();
        Files.writeString(
                dir.resolve("mlr.yaml"),
                "fetch:\n  allowPrivateAddresses: true\n"
                        + "store:\n  dataDir: " + dir.resolve("data") + "\n"
                        + "papers:\n  semanticScholarUrl: " + base + "s2\n  openAlexUrl: " + base + "openalex\n"
                        + "  arxivApiUrl: " + base + "arxiv\n  relatedWorkDeadline: 20s\n"
                        + "llm:\n  provider: openai\n  baseUrl: " + llm.baseUrl("openai")
                        + "\n  maxRetries: 1\n  timeout: 20s\n"
                        + extra);
        Files.writeString(dir.resolve(".env"), "OPENAI_API_KEY=sk-test-ideas-0123456789\n");
    }

    @AfterEach
    void stop() throws IOException {
        llm.close();
        site.shutdown();
    }

    private String answer(String name) throws IOException {
        return Files.readString(ANSWERS.resolve(name));
    }

    private CliRunner.Outcome runIdeas() {
        return CliRunner.run(
                "--dir", dir.toString(), "ideas", site.url("/paper.pdf").toString(), "--n", "3", "--json");
    }

    @Test
    void runsTheStageInThreeCallsAndReportsEverything() throws IOException {
        llm.enqueueText(answer("elements.json"), 6000, 400)
                .enqueueText(answer("hypotheses.json"), 3000, 2500)
                .enqueueText(answer("review.json"), 3500, 900);

        CliRunner.Outcome outcome = runIdeas();

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(outcome.lastLine());
        assertThat(json.at("/elements/tasks").size()).isPositive();
        assertThat(json.at("/elements/gaps").size()).isPositive();
        assertThat(json.at("/elements/keywords").size()).isPositive();
        assertThat(json.get("relatedWork").size()).isPositive();
        JsonNode hypotheses = json.get("hypotheses");
        assertThat(hypotheses.size()).isEqualTo(3);
        for (JsonNode h : hypotheses) {
            assertThat(h.get("title").asText()).isNotBlank();
            assertThat(h.get("method").asText()).isNotBlank();
            assertThat(h.get("rationale").asText()).isNotBlank();
            assertThat(h.at("/plan/procedure").size()).isPositive();
            for (String score : new String[] {"clarity", "validity", "rigor", "innovativeness", "generalizability"}) {
                assertThat(h.at("/review/" + score + "/score").asInt()).isBetween(1, 5);
            }
            assertThat(h.at("/review/nearestPriorWork").asText()).isNotBlank();
        }
        assertThat(json.at("/usage/calls").asInt()).isEqualTo(3);
        assertThat(json.at("/usage/inputTokens").asLong()).isEqualTo(12_500);
        assertThat(json.at("/usage/outputTokens").asLong()).isEqualTo(3_800);
        assertThat(json.at("/usage/costUsd").asDouble()).isPositive();

        assertThat(llm.requests()).hasSize(3);
        RecordedLlmRequest elements = llm.requests().get(0);
        assertThat(elements.model()).isEqualTo("gpt-4o-mini");
        assertThat(elements.promptText())
                .contains("SPECTER")
                .containsIgnoringCase("citation-informed")
                .doesNotContain("References\n");
        assertThat(elements.body().at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(elements.header("Authorization")).contains("Bearer sk-test-ideas-0123456789");
        JsonNode gaps = new ObjectMapper().readTree(answer("elements.json")).get("gaps");
        RecordedLlmRequest hypothesesRequest = llm.requests().get(1);
        assertThat(hypothesesRequest.model()).isEqualTo("gpt-4o");
        assertThat(hypothesesRequest.promptText()).contains(gaps.get(0).asText());
        String relatedTitle = json.get("relatedWork").get(0).get("title").asText();
        assertThat(hypothesesRequest.promptText()).contains(relatedTitle);
        assertThat(llm.requests().get(2).promptText())
                .contains(hypotheses.get(0).get("title").asText());
        assertThat(outcome.err()).contains("...");
    }

    @Test
    void malformedAnswerIsRepairedOnce() throws IOException {
        llm.enqueueText("Sure! Here are the elements: tasks are many.", 100, 10)
                .enqueueText(answer("elements.json"), 100, 10)
                .enqueueText(answer("hypotheses.json"), 100, 10)
                .enqueueText(answer("review.json"), 100, 10);

        CliRunner.Outcome outcome = runIdeas();

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(outcome.lastLine())
                        .at("/usage/calls")
                        .asInt())
                .isEqualTo(4);
        assertThat(llm.requests().get(1).promptText()).contains("Sure! Here are the elements");
    }

    @Test
    void repairThatFailsToIsACleanError() {
        llm.enqueueText("no json here", 100, 10).enqueueText("still no json", 100, 10);

        CliRunner.Outcome outcome = runIdeas();

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.err())
                .contains("mlr: ")
                .contains("not valid JSON after one repair attempt")
                .doesNotContain("Exception");
        assertThat(llm.requests()).hasSize(2);
    }

    @Test
    void budgetRunsOutMidStage() throws IOException {
        configure("budget:\n  perResearchTokens: 5000\n");
        llm.enqueueText(answer("elements.json"), 6000, 400).enqueueText(answer("hypotheses.json"), 3000, 2500);

        CliRunner.Outcome outcome = runIdeas();

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.err()).contains("6,400 of its 5,000 tokens").contains("budget.perResearchTokens");
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void rejectedKeyNamesTheSetting() {
        llm.enqueueError(401, "Incorrect API key provided");

        CliRunner.Outcome outcome = runIdeas();

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.err()).contains("OPENAI_API_KEY").doesNotContain("sk-test-ideas");
    }

    @Test
    void withoutAnLlmItSaysHowToConfigureOne() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "store:\n  dataDir: " + dir.resolve("data") + "\n");
        Files.delete(dir.resolve(".env"));

        CliRunner.Outcome outcome = CliRunner.run("--dir", dir.toString(), "ideas", "2408.14033");

        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(outcome.err()).contains("ANTHROPIC_API_KEY").contains("ollama");
        assertThat(llm.requests()).isEmpty();
    }
}
