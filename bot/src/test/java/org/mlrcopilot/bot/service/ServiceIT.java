package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.RunStatus;
import org.mlrcopilot.agents.research.VoteCount;

/**
 * The whole flow through the web chat's HTTP API: a paper link, the brief and ranked hypotheses in its thread, a
 * vote and a reply recorded, a non-approver refused, an approver's rocket starting an experiment in the real
 * sandbox, and the results with the plot, the diff, the trace and the cost; the requester mentioned at the end.
 */
class ServiceIT {

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private BotService service;
    private final ByteArrayOutputStream report = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        fixture = new ServiceFixture(dir, Map.of("MLR_SERVICE_APPROVERS", "web:u-alice"));
        service = fixture.start(report);
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        fixture.close();
    }

    static JsonNode find(List<JsonNode> thread, String titlePrefix) {
        return thread.stream()
                .filter(m -> m.path("title").asText().startsWith(titlePrefix))
                .findFirst()
                .orElse(null);
    }

    /** The first message of the thread whose title starts with {@code titlePrefix}, once there, polled every 500 ms. */
    static JsonNode waitForMessage(ChatClient who, String root, String titlePrefix, Duration within) {
        return await().atMost(within)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Optional.ofNullable(find(who.thread("research", root), titlePrefix)), Optional::isPresent)
                .get();
    }

    static List<JsonNode> waitForHypotheses(ChatClient who, String channel, String root, int count) {
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> who.thread(channel, root),
                        t -> t.stream()
                                                .filter(m ->
                                                        m.path("title").asText().matches("H\\d+ v\\d+: .*"))
                                                .count()
                                        == count
                                && t.stream()
                                        .anyMatch(m -> m.path("text").asText().contains("ready")));
    }

    @Test
    void fromALinkToResultsInOneThread() throws Exception {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        ChatClient alice = new ChatClient(service.port(), "u-alice", "alice");
        String root = bob.post("research", "Could we build on this? " + fixture.paperUrl())
                .at("/message/id")
                .asText();

        List<JsonNode> thread = waitForHypotheses(bob, "research", root, 3);
        JsonNode first = thread.get(0);
        assertThat(first.at("/reactions/eyes").toString()).contains("mlr");
        JsonNode brief = find(thread, "Brief: ");
        assertThat(brief.path("text").asText()).contains("Research tasks:").contains("Related work:");
        JsonNode h1 = find(thread, "H1 v1: ");
        assertThat(h1.path("buttons").toString()).contains("Run experiment", "Refine", "Discard");
        assertThat(h1.path("fields").toString()).contains("Clarity", "Nearest prior work");
        assertThat(thread.stream()
                        .filter(m -> m.path("bot").asBoolean())
                        .map(m -> m.path("text").asText()))
                .filteredOn(t -> t.contains("*ready*"))
                .hasSize(1);

        bob.react(h1.path("id").asText(), "+1");
        JsonNode taken = bob.reply("research", root, "H1 should also try a smaller learning rate");
        assertThat(taken.path("notice").asText()).isEqualTo("Taken as feedback on H1");
        String replyId = taken.at("/message/id").asText();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> bob.thread("research", root).stream()
                        .filter(m -> m.path("id").asText().equals(replyId))
                        .findFirst()
                        .orElseThrow()
                        .at("/reactions/white_check_mark")
                        .toString()
                        .contains("mlr"));
        assertThat(first.path("version").asLong())
                .as("the 👀 made the root message a newer version")
                .isGreaterThan(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> find(bob.thread("research", root), "H1 v1: ")
                        .path("text")
                        .asText()
                        .contains("👍 1"));
        String researchId = service.store().recent(1).get(0).id();
        assertThat(service.store().feedback(researchId, "H1"))
                .singleElement()
                .satisfies(f -> assertThat(f.text()).contains("smaller learning rate"));

        String refining =
                bob.press(h1.path("id").asText(), "refine", "H1").path("notice").asText();
        assertThat(refining).contains("Refining H1");
        JsonNode v2 = await().atMost(Duration.ofSeconds(30))
                .until(() -> Optional.ofNullable(find(bob.thread("research", root), "H1 v2: ")), Optional::isPresent)
                .get();
        List<JsonNode> refined = bob.thread("research", root);
        List<String> order = refined.stream().map(m -> m.path("id").asText()).toList();
        assertThat(order.indexOf(v2.path("id").asText()))
                .as("v2 is a new message under the feedback")
                .isGreaterThan(order.indexOf(replyId));
        assertThat(v2.path("text").asText())
                .contains("Changed in v2 from <")
                .contains("|v1>")
                .contains("👍 0  👎 0 on v2");
        assertThat(v2.path("fields").toString())
                .as("v2 has a review of its own")
                .contains("Clarity");
        assertThat(v2.path("buttons").toString()).contains("Run experiment", "Refine");
        JsonNode v1 = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> find(bob.thread("research", root), "H1 v1: "),
                        m -> m.path("text").asText().contains("superseded by v2"));
        assertThat(v1.path("text").asText()).as("v1 keeps its vote").contains("👍 1  👎 0 on v1");
        assertThat(v1.path("buttons"))
                .as("a superseded version offers nothing to press")
                .isEmpty();
        bob.react(v2.path("id").asText(), "-1");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> find(bob.thread("research", root), "H1 v2: ")
                        .path("text")
                        .asText()
                        .contains("👍 0  👎 1 on v2"));
        assertThat(service.store().votes(researchId, "H1", 1)).isEqualTo(new VoteCount(1, 0));
        assertThat(alice.react(h1.path("id").asText(), "rocket").path("notice").asText())
                .as("v1 cannot be approved any more")
                .contains("H1 v1 was superseded by v2");
        assertThat(fixture.llm.requests().stream()
                        .filter(r -> r.body()
                                .at("/response_format/json_schema/name")
                                .asText()
                                .equals("revision"))
                        .findFirst()
                        .orElseThrow()
                        .promptText())
                .contains("smaller learning rate");
        assertThat(service.store().versions(researchId, "H1")).hasSize(2);

        String refused =
                bob.press(v2.path("id").asText(), "run", "H1").path("notice").asText();
        assertThat(refused).contains("bob is not an approver").contains("web:u-alice");
        ChatClient impostor = new ChatClient(service.port(), "u-mallory", "alice");
        assertThat(impostor.press(v2.path("id").asText(), "run", "H1")
                        .path("notice")
                        .asText())
                .as("approvers are known by id, not by the name they show")
                .contains("alice is not an approver");
        assertThat(service.store().runs(researchId)).isEmpty();

        fixture.action(
                "write_file", Map.of("file_name", "train.py", "content", ServiceFixture.trainingScriptWithPlot()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "An RBF SVC on scaled pixels beats the baseline."));
        String notice =
                alice.react(v2.path("id").asText(), "rocket").path("notice").asText();
        assertThat(notice).contains("Approved");

        JsonNode results = await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Optional.ofNullable(find(bob.thread("research", root), "Results: ")), Optional::isPresent)
                .get();
        assertThat(results.path("text").asText()).contains("@bob");
        assertThat(results.path("fields").toString())
                .contains("Baseline", "Final", "Improvement", "Cost of this run", "Research so far");
        long runTokens = tokens(results, "Cost of this run");
        long researchTokens = tokens(results, "Research so far");
        assertThat(runTokens)
                .as("the run's own calls, not the research's")
                .isPositive()
                .isLessThan(researchTokens);
        JsonNode plot = null;
        for (JsonNode a : results.path("attachments")) {
            if (a.path("name").asText().equals("accuracy.png")) {
                plot = a;
            }
        }
        assertThat(plot).as(results.toString()).isNotNull();
        byte[] png = bob.bytes(plot.path("url").asText());
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(results.path("attachments").toString()).contains("changes.diff", "trace.jsonl");

        ResearchRun run = service.store().runs(researchId).get(0);
        assertThat(run.status()).isEqualTo(RunStatus.DONE);
        JsonNode controls = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> bob.thread("research", root).stream()
                                .filter(m -> m.path("text").asText().contains("Run page: /run.html?id=" + run.id()))
                                .findFirst()
                                .orElseThrow(),
                        m -> m.path("text").asText().contains("_Ended: done_"));
        assertThat(controls.path("buttons"))
                .as("a finished run offers no controls")
                .isEmpty();
        assertThat(bob.send("GET", "/api/runs/" + run.id(), null).path("thread").asText())
                .as("the run page links back to its thread")
                .isEqualTo("/#/research/" + root);
        assertThat(bob.status("/api/runs/run-nonesuch")).isEqualTo(404);
        JsonNode page = bob.send("GET", "/api/runs/" + run.id(), null);
        assertThat(page.path("requester").asText())
                .as("people by name on the run page")
                .isEqualTo("bob");
        assertThat(page.at("/result/plots").toString()).isEqualTo("[\"accuracy.png\"]");
        assertThat(bob.bytes("/api/runs/" + run.id() + "/plots/accuracy.png"))
                .startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(bob.status("/api/runs/" + run.id() + "/plots/train.py"))
                .as("only the plots")
                .isEqualTo(404);
        assertThat(bob.status("/api/runs/" + run.id() + "/plots/..%2F..%2Fmlr.mv.db"))
                .isEqualTo(404);
        assertThat(bob.send("GET", "/api/researches", null)
                        .get(0)
                        .path("requester")
                        .asText())
                .as("people by name on the researches page")
                .isEqualTo("bob");
        assertThat(run.approver()).isEqualTo("alice");
        assertThat(run.requester()).isEqualTo("u-bob");
        assertThat(run.result().finalScore()).isGreaterThan(run.result().baseline());
        List<JsonNode> finalThread = bob.thread("research", root);
        assertThat(finalThread.stream().map(m -> m.path("text").asText()))
                .anyMatch(t -> t.contains("Baseline measured: accuracy"))
                .anyMatch(t -> t.contains("*Experiment set-up*: registered task digits-classifier")
                        && t.contains("fits the plan (similarity"))
                .anyMatch(t -> t.contains("Step 2 ran train.py"));
        long mentions = finalThread.stream()
                .filter(m -> m.path("bot").asBoolean())
                .filter(m -> m.path("text").asText().contains("@bob"))
                .count();
        assertThat(mentions).as("the requester is mentioned only on completion").isEqualTo(1);

        assertThat(bob.get("/healthz")).contains("\"status\":\"ok\"");
        assertThat(bob.get("/metrics"))
                .contains("mlr_events_total")
                .contains("mlr_runs_total{outcome=\"done\"")
                .contains("mlr_llm_calls_total")
                .contains("mlr_sandbox_run_seconds");
        assertThat(bob.get("/api/runs/" + run.id())).contains("execute_script");
    }

    @Test
    void healthSaysWhichComponentFails() {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        assertThat(bob.status("/healthz")).isEqualTo(200);
        assertThat(bob.get("/healthz")).doesNotContain("failing");
        service.store().close();
        // the database closed under the service: said by the next round of checks
        await().atMost(Duration.ofSeconds(10)).until(() -> bob.status("/healthz") == 503);
        assertThat(bob.get("/healthz")).contains("\"status\":\"failing\"").contains("\"database\":");
    }

    @Test
    void aRetriedEventIsHandledOnce() {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        bob.postWithEventId("research", "look " + fixture.paperUrl(), "client-42");
        bob.postWithEventId("research", "look " + fixture.paperUrl(), "client-42");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !service.store().recent(5).isEmpty()
                        && service.store().recent(5).get(0).status().name().equals("READY"));
        assertThat(service.store().recent(5)).hasSize(1);
        assertThat(bob.get("/metrics")).containsPattern("mlr_events_total\\{duplicate=\"true\"");
    }

    @Test
    void aClientsOwnEventIdCannotSuppressAnotherMessage() {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        ChatClient mallory = new ChatClient(service.port(), "u-mallory", "mallory");
        int last = Integer.parseInt(
                bob.post("general", "good morning").at("/message/id").asText().substring(1));
        String spoofed = mallory.postWithEventId("general", "hello", "web-m" + (last + 2))
                .at("/message/id")
                .asText();
        assertThat(spoofed).as("the message ids this test predicts").isEqualTo("m" + (last + 1));
        String root = bob.post("general", fixture.paperUrl()).at("/message/id").asText();
        assertThat(root).isEqualTo("m" + (last + 2));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> service.store().recent(5).size() == 1);
    }

    @Test
    void badLinksAreAnsweredPolitelyAndLoseNothing() {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String odd = bob.post("general", "@mlr what about ftp://papers.example/x.pdf ?")
                .at("/message/id")
                .asText();
        JsonNode answer = await().atMost(Duration.ofSeconds(10))
                .until(() -> bob.thread("general", odd), t -> t.size() == 2)
                .get(1);
        assertThat(answer.path("text").asText()).contains("I can't read").contains("arXiv");

        String missing = bob.post("research", "this one " + fixture.missingPaperUrl())
                .at("/message/id")
                .asText();
        List<JsonNode> thread = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> bob.thread("research", missing),
                        t -> t.stream().anyMatch(m -> m.path("text").asText().contains("Next:")));
        String problem = thread.stream()
                .map(m -> m.path("text").asText())
                .filter(t -> t.contains("Next:"))
                .findFirst()
                .orElseThrow();
        assertThat(problem)
                .contains("@bob")
                .contains("404")
                .contains("Next:")
                .contains("the link is wrong")
                .doesNotContain("try again later")
                .as("said in the status message")
                .contains("· research r-");
        assertThat(bob.thread("research", missing).stream()
                        .filter(m -> m.path("text").asText().contains("404")))
                .as("one error, once")
                .hasSize(1);
        assertThat(service.store().recent(5))
                .singleElement()
                .satisfies(r -> assertThat(r.status().name()).isEqualTo("FAILED"));
    }

    @Test
    void twoResearchesRunAtOnce() {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        ChatClient carol = new ChatClient(service.port(), "u-carol", "carol");
        String a = bob.post("research", fixture.paperUrl()).at("/message/id").asText();
        String b = carol.post("general", "and " + fixture.secondPaperUrl())
                .at("/message/id")
                .asText();

        waitForHypotheses(bob, "research", a, 3);
        waitForHypotheses(carol, "general", b, 3);
        assertThat(find(carol.thread("general", b), "Brief: ").path("title").asText())
                .isNotEqualTo(
                        find(bob.thread("research", a), "Brief: ").path("title").asText());
        assertThat(service.store().recent(5)).hasSize(2);
    }

    /** The tokens a results field names ("$0.0095, 3,645 tokens in 6 calls"). */
    private static long tokens(JsonNode results, String field) {
        for (JsonNode f : results.path("fields")) {
            if (f.path("label").asText().equals(field)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9,]+) tokens")
                        .matcher(f.path("value").asText());
                assertThat(m.find()).as(f.toString()).isTrue();
                return Long.parseLong(m.group(1).replace(",", ""));
            }
        }
        throw new AssertionError("no field " + field + " in " + results);
    }
}
