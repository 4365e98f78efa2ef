package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mlrcopilot.bot.service.ServiceIT.find;
import static org.mlrcopilot.bot.service.ServiceIT.waitForHypotheses;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.RunStatus;
import org.mlrcopilot.bot.testing.FakeHubDatasets;

/**
 * A plan with its own data through the web chat: H2 names a Hugging Face Hub dataset, so no registered task fits;
 * the set-up fetches it from the fake Hub, the set-up agent writes the split, evaluation and baseline in the real
 * sandbox, the thread shows the set-up (data, licence, metric, the frozen eval.py, the baseline) and waits; a reply
 * revises it, "go" starts the loop, and the results name the dataset and the metric. H3's data cannot be fetched:
 * a clear problem, no run.
 */
class PlanSetupIT {

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private BotService service;

    @BeforeEach
    void start() {
        fixture = new ServiceFixture(
                dir, Map.of("MLR_EXPERIMENT_APPROVAL", "first-execution", "MLR_SERVICE_APPROVERS", "web:u-bob"));
        service = fixture.start(new ByteArrayOutputStream());
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        fixture.close();
    }

    private static List<JsonNode> setups(ChatClient who, String root) {
        return who.thread("research", root).stream()
                .filter(m -> m.path("title").asText().equals("Experiment set-up"))
                .toList();
    }

    @Test
    void aPlanWithItsOwnDataIsSetUpShownRevisedAndRun() throws Exception {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.post("research", "Look: " + fixture.paperUrl())
                .at("/message/id")
                .asText();
        List<JsonNode> thread = waitForHypotheses(bob, "research", root, 3);
        JsonNode h2 = find(thread, "H2 v1: ");

        fixture.setupSteps();
        bob.press(h2.path("id").asText(), "run", "H2");
        JsonNode first = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> setups(bob, root), s -> s.size() == 1)
                .get(0);
        String text = first.path("text").asText();
        assertThat(text)
                .contains("a task built from the plan")
                .contains("no registered task fits the plan")
                .contains("imdb-mini/reviews@4f1c2e0")
                .contains("license apache-2.0")
                .contains("accuracy (higher is better)")
                .contains("Baseline: 0.5000")
                .contains("Reply *go*");
        assertThat(first.path("fields").toString()).contains("built from the plan", "imdb-mini/reviews");
        JsonNode eval = first.path("attachments").get(0);
        assertThat(eval.path("name").asText()).isEqualTo("eval.py");
        assertThat(new String(bob.bytes(eval.path("url").asText()), StandardCharsets.UTF_8))
                .contains("def get_score");
        String runId = service.store()
                .runs(service.store().recent(1).get(0).id())
                .get(0)
                .id();
        assertThat(bob.get("/api/runs/" + runId)).contains("imdb-mini/reviews").contains("def get_score");

        fixture.setupSteps();
        bob.reply("research", root, "use dataset imdb-mini/reviews and keep accuracy as the metric");
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> setups(bob, root), s -> s.size() == 2);
        assertThat(fixture.llm.requests().stream()
                        .map(r -> r.promptText())
                        .filter(p -> p.contains("Feedback from the team")))
                .anyMatch(p -> p.contains("keep accuracy as the metric"));

        fixture.action("write_file", Map.of("file_name", "train.py", "content", ServiceFixture.tfidfScript()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "TF-IDF with logistic regression beats the majority class."));
        bob.reply("research", root, "go");
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> bob.thread("research", root).stream()
                        .anyMatch(m -> m.path("text").asText().contains("May I go ahead?")));
        int waitingAt = service.store().run(runId).orElseThrow().step();
        ChatClient okabe = new ChatClient(service.port(), "u-okabe", "ok");
        assertThat(okabe.reply("research", root, "yes, go ahead").path("notice").asText())
                .as("only an approver answers the approval question, whatever the name before the text")
                .contains("waits for an approver");
        await("still waiting")
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> service.store().run(runId).orElseThrow().step() == waitingAt);
        assertThat(bob.thread("research", root).stream()
                        .filter(m -> m.path("text").asText().contains("May I go ahead?")))
                .as("asked once")
                .hasSize(1);
        JsonNode question = find(bob.thread("research", root), "Approval needed");
        assertThat(question.path("buttons").findValuesAsText("action")).containsExactly("go", "decline");
        String questionId = question.path("id").asText();
        assertThat(okabe.press(questionId, "go", runId).path("notice").asText())
                .as("the Approve button is an approver's too")
                .contains("only an approver answers");
        assertThat(service.store().run(runId).orElseThrow().step()).isEqualTo(waitingAt);
        assertThat(bob.press(questionId, "go", runId).path("notice").asText())
                .isEqualTo("Approved: " + runId + " goes ahead");

        JsonNode results = await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Optional.ofNullable(find(bob.thread("research", root), "Results: ")), Optional::isPresent)
                .get();
        assertThat(results.path("fields").toString())
                .contains("built from the plan (imdb-mini/reviews)")
                .contains("accuracy");
        ResearchRun run = service.store().run(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.DONE);
        assertThat(run.result().baseline()).isEqualTo(0.5);
        assertThat(run.result().finalScore())
                .as(run.result().toString())
                .isNotNull()
                .isGreaterThan(0.8);
    }

    @Test
    void aDataFilePostedInTheThreadBecomesADatasetOfTheSetUp() throws Exception {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.post("research", "Look: " + fixture.paperUrl())
                .at("/message/id")
                .asText();
        JsonNode h3 = find(waitForHypotheses(bob, "research", root, 3), "H3 v1: ");
        String upload = bob.upload("our reviews.csv", java.nio.file.Files.readAllBytes(FakeHubDatasets.REVIEWS));
        JsonNode posted = bob.replyWithFiles("research", root, "our own labelled reviews", List.of(upload));
        assertThat(posted.at("/message/attachments/0/name").asText()).isEqualTo("our_reviews.csv");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> bob.thread("research", root).stream()
                        .anyMatch(m -> m.path("text").asText().contains("📎 Kept our_reviews.csv")));

        fixture.action(
                "write_file",
                Map.of(
                        "file_name",
                        "split.py",
                        "content",
                        FakeHubDatasets.script("split.py")
                                .replace("raw/imdb-mini_reviews/data/train.csv", "raw/attached/our_reviews.csv")));
        fixture.action("write_file", Map.of("file_name", "eval.py", "content", FakeHubDatasets.script("eval.py")));
        fixture.action(
                "write_file",
                Map.of("file_name", "env/train.py", "content", FakeHubDatasets.script("train_majority.py")));
        fixture.action(
                "finish_setup",
                Map.of(
                        "metric",
                        "accuracy",
                        "direction",
                        "higher",
                        "summary",
                        "the team's reviews, majority baseline"));
        bob.press(h3.path("id").asText(), "run", "H3");

        JsonNode setup = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> setups(bob, root), s -> s.size() == 1)
                .get(0);
        assertThat(setup.path("text").asText())
                .contains("our_reviews.csv: our_reviews.csv (file)")
                .contains("not fetched: S2ORC abstracts")
                .contains("Baseline: 0.5000");
    }

    @Test
    void aPlanWhoseDataCannotBeFetchedSaysSoAndRunsNothing() {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.post("research", "Look: " + fixture.paperUrl())
                .at("/message/id")
                .asText();
        JsonNode h3 = find(waitForHypotheses(bob, "research", root, 3), "H3 v1: ");
        int calls = fixture.llm.requests().size();

        bob.press(h3.path("id").asText(), "run", "H3");

        String problem = await().atMost(Duration.ofMinutes(1))
                .until(
                        () -> bob.thread("research", root).stream()
                                .map(m -> m.path("text").asText())
                                .filter(t -> t.contains("Next:"))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(problem)
                .contains("no dataset of the plan could be fetched")
                .contains("allenai/peS2o")
                .contains("use dataset owner/name");
        assertThat(fixture.llm.requests()).as("no set-up agent without data").hasSize(calls);
        assertThat(setups(bob, root)).isEmpty();
    }
}
