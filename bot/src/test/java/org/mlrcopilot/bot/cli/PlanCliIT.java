package org.mlrcopilot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.bot.llm.FakeLlmServer;
import org.mlrcopilot.bot.testing.FakeHubDatasets;

/**
 * `mlr experiment --plan plan.json`: the set-up stage from the terminal through the real OpenAI client (fake LLM
 * server), a fake Hugging Face Hub and the real sandbox; the last line is the set-up as JSON. A plan whose data
 * cannot be had exits non-zero with the reason.
 */
class PlanCliIT {

    private static final Path PLANS = Path.of("../agents/src/test/resources/setup/plans");
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeLlmServer llm;
    private final MockWebServer hub = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        hub.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FakeHubDatasets.answer(request.getRequestUrl().encodedPath());
            }
        });
        hub.start();
        llm = FakeLlmServer.start();
        Files.writeString(
                dir.resolve("mlr.yaml"),
                "store:\n  dataDir: " + dir.resolve("data") + "\n"
                        + "fetch:\n  allowPrivateAddresses: true\n"
                        + "llm:\n  provider: openai\n  baseUrl: " + llm.baseUrl("openai") + "\n  maxRetries: 0\n"
                        + "papers:\n  huggingFaceUrl: " + hub.url("/") + "\n"
                        + "service:\n  tasksDir: ../tasks\n");
        Files.writeString(dir.resolve(".env"), "OPENAI_API_KEY=sk-test-plan\nMLR_EXPERIMENT_SEARCH=loop\n");
    }

    @AfterEach
    void stop() throws IOException {
        llm.close();
        hub.shutdown();
    }

    private void tool(String name, Map<String, String> args) throws IOException {
        Map<String, String> withLog = new LinkedHashMap<>(args);
        withLog.put("log", "step log: " + name);
        llm.enqueueToolCall(name, json.writeValueAsString(withLog));
    }

    private Path plan(String datasetSource) throws IOException {
        String text =
                Files.readString(PLANS.resolve("sentiment-tfidf.json")).replace("imdb-mini/reviews", datasetSource);
        return Files.writeString(dir.resolve("plan.json"), text);
    }

    @Test
    void setsUpAPlanOnItsOwnDataAndPrintsTheSetUpAsJson() throws IOException {
        tool("write_file", Map.of("file_name", "split.py", "content", FakeHubDatasets.script("split.py")));
        tool("write_file", Map.of("file_name", "eval.py", "content", FakeHubDatasets.script("eval.py")));
        tool("write_file", Map.of("file_name", "env/train.py", "content", FakeHubDatasets.script("train_majority.py")));
        tool("finish_setup", Map.of("metric", "accuracy", "direction", "higher", "summary", "reviews, majority"));

        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "experiment",
                "--plan",
                plan("imdb-mini/reviews").toString(),
                "--setup-only",
                "--json");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode setup = json.readTree(outcome.lastLine());
        assertThat(setup.at("/task/registered").asBoolean()).isFalse();
        Path task = Path.of(setup.at("/task/dir").asText());
        assertThat(task.resolve("scripts/eval.py")).exists();
        assertThat(task.resolve("scripts/hidden/test_labels.csv")).exists();
        assertThat(setup.at("/datasets/0/id").asText()).isEqualTo(FakeHubDatasets.ID);
        assertThat(setup.at("/datasets/0/license").asText()).isEqualTo("apache-2.0");
        assertThat(setup.at("/datasets/0/source").asText()).isEqualTo("huggingface");
        assertThat(setup.at("/datasets/0/bytes").asLong()).isEqualTo(Files.size(FakeHubDatasets.REVIEWS));
        assertThat(setup.at("/datasets/0/files/0").asText()).endsWith("train.csv");
        assertThat(setup.get("prototype").isNull()).isTrue();
        assertThat(setup.get("metric").asText()).isEqualTo("accuracy");
        assertThat(setup.get("direction").asText()).isEqualTo("higher");
        assertThat(setup.get("baseline").asDouble()).isEqualTo(0.5);
        assertThat(outcome.err()).contains("set-up step 4: finish_setup").contains("Experiment set-up");
        assertThat(llm.pendingReplies()).isZero();
    }

    @Test
    void aPlanSetUpOnItsOwnDataIsSearchedAsATree() throws IOException {
        tool("write_file", Map.of("file_name", "split.py", "content", FakeHubDatasets.script("split.py")));
        tool("write_file", Map.of("file_name", "eval.py", "content", FakeHubDatasets.script("eval.py")));
        tool("write_file", Map.of("file_name", "env/train.py", "content", FakeHubDatasets.script("train_majority.py")));
        tool("finish_setup", Map.of("metric", "accuracy", "direction", "higher", "summary", "reviews, majority"));
        llm.enqueueText(json.writeValueAsString(Map.of(
                "plan",
                "TF-IDF and logistic regression",
                "files",
                Map.of("train.py", FakeHubDatasets.script("train_tfidf.py")))));

        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "experiment",
                "--plan",
                plan("imdb-mini/reviews").toString(),
                "--search",
                "tree",
                "--drafts",
                "1",
                "--max-nodes",
                "1",
                "--json");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode result = json.readTree(outcome.lastLine());
        assertThat(result.get("search").asText()).isEqualTo("tree");
        assertThat(result.get("nodes")).hasSize(1);
        assertThat(result.get("best").asText()).isEqualTo("n1");
        assertThat(result.get("final").asDouble())
                .isGreaterThan(result.get("baseline").asDouble());
        assertThat(llm.pendingReplies()).isZero();
    }

    @Test
    void aFileOfTheTeamsIsTheDataOfThePlan() throws IOException {
        tool(
                "write_file",
                Map.of(
                        "file_name",
                        "split.py",
                        "content",
                        FakeHubDatasets.script("split.py")
                                .replace("raw/imdb-mini_reviews/data/train.csv", "raw/attached/reviews.csv")));
        tool("write_file", Map.of("file_name", "eval.py", "content", FakeHubDatasets.script("eval.py")));
        tool("write_file", Map.of("file_name", "env/train.py", "content", FakeHubDatasets.script("train_majority.py")));
        tool("finish_setup", Map.of("metric", "accuracy", "direction", "higher", "summary", "our reviews, majority"));

        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "experiment",
                "--plan",
                plan("attachment:reviews.csv").toString(),
                "--data",
                "reviews.csv=" + FakeHubDatasets.REVIEWS,
                "--setup-only",
                "--json");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode setup = json.readTree(outcome.lastLine());
        assertThat(setup.at("/datasets/0/source").asText()).isEqualTo("file");
        assertThat(setup.at("/datasets/0/files/0").asText()).isEqualTo("attached/reviews.csv");
        assertThat(setup.get("baseline").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aPlanWhoseDataCannotBeHadExitsWithTheReasonAndWhatToDo() throws IOException {
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "experiment",
                "--plan",
                plan("nobody/nothing").toString(),
                "--setup-only",
                "--json");

        assertThat(outcome.exitCode()).isEqualTo(SetupRun.NOTHING_ASSEMBLED);
        assertThat(outcome.err())
                .contains("could not be set up")
                .contains("has no dataset nobody/nothing")
                .contains("attach a file");
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void aPlanThatFitsARegisteredTaskUsesIt() throws IOException {
        CliRunner.Outcome outcome = CliRunner.run(
                "--dir",
                dir.toString(),
                "experiment",
                "--plan",
                PLANS.resolve("diabetes-boosting.json").toString(),
                "--setup-only",
                "--json");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode setup = json.readTree(outcome.lastLine());
        assertThat(setup.at("/task/registered").asBoolean()).isTrue();
        assertThat(setup.at("/task/name").asText()).isEqualTo("diabetes-regression");
        assertThat(setup.at("/task/similarity").asDouble()).isGreaterThanOrEqualTo(0.55);
        assertThat(setup.get("direction").asText()).isEqualTo("lower");
        assertThat(llm.requests()).isEmpty();
    }
}
