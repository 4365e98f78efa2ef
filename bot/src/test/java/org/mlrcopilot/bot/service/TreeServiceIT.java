package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.RunStatus;

/**
 * A chat research whose approved hypothesis is tested as a solution tree (experiment.search=tree) in the real
 * sandbox: a draft that crashes is fixed, a new best is told in the thread, the results name the winning node and
 * show the tree (text and tree.png), and the run page's data hold every node with its plan, output and diff.
 */
class TreeServiceIT {

    private static final Path SVC = ServiceFixture.ROOT.resolve("agents/src/test/resources/experiment/train_svc.py");

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private BotService service;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        fixture = new ServiceFixture(
                dir,
                Map.of(
                        "MLR_SERVICE_APPROVERS", "web:u-alice",
                        "MLR_EXPERIMENT_SEARCH", "tree",
                        "MLR_EXPERIMENT_DRAFTS", "1",
                        "MLR_EXPERIMENT_MAX_NODES", "2"));
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
    void aTreeRunInTheThreadFixesACrashTellsTheNewBestAndShowsTheTree() throws Exception {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        ChatClient alice = new ChatClient(service.port(), "u-alice", "alice");
        String root = bob.post("research", "Worth testing: " + fixture.paperUrl())
                .at("/message/id")
                .asText();
        List<JsonNode> thread = ServiceIT.waitForHypotheses(bob, "research", root, 3);
        JsonNode h1 = ServiceIT.find(thread, "H1 v1: ");
        String svc = Files.readString(SVC);
        answer("an RBF SVC with a typo", svc.replace("model.fit(x_fit, y_fit)", "model.fit(x_fit, y_fitt)"));
        answer("the RBF SVC, typo fixed", svc);

        assertThat(alice.react(h1.path("id").asText(), "rocket").path("notice").asText())
                .contains("Approved");

        JsonNode results = ServiceIT.waitForMessage(bob, root, "Results: ", Duration.ofMinutes(4));
        String text = results.path("text").asText();
        assertThat(text)
                .contains("best node n2 (debug)")
                .contains("*Solution tree*")
                .contains("n1 draft failed  ◆")
                .contains("└─ n2 debug 0.9")
                .contains("★ best");
        assertThat(results.path("fields").toString()).contains("Nodes");
        assertThat(results.path("attachments").toString()).contains("tree.png", "changes.diff", "trace.jsonl");
        List<String> said = bob.thread("research", root).stream()
                .map(m -> m.path("text").asText())
                .toList();
        assertThat(said)
                .filteredOn(t -> t.startsWith("New best: "))
                .singleElement()
                .asString()
                .startsWith("New best: n2 (debug of n1) accuracy 0.9")
                .contains("(the starter code: 0.9556 on the same rows)");

        String researchId = service.store().recent(1).get(0).id();
        ResearchRun run = service.store().runs(researchId).get(0);
        assertThat(run.status()).isEqualTo(RunStatus.DONE);
        assertThat(run.result().finalScore()).isGreaterThan(run.result().baseline());
        assertThat(Path.of(run.runDir()).resolve("tree.png")).isRegularFile();
        JsonNode page = bob.send("GET", "/api/runs/" + run.id(), null);
        assertThat(page.path("steps")).hasSize(2);
        JsonNode fixed = page.path("steps").get(1);
        assertThat(fixed.path("action").asText()).isEqualTo("tree_node");
        assertThat(json.readTree(fixed.path("input").asText()).path("parent").asText())
                .isEqualTo("n1");
        assertThat(fixed.path("observation").asText())
                .contains("Plan: the RBF SVC, typo fixed")
                .contains("wrote submission.csv")
                .contains("Diff against the starter code");
        assertThat(page.path("steps").get(0).path("observation").asText()).contains("y_fitt");
    }

    private void answer(String plan, String code) throws Exception {
        fixture.llm.enqueueText(json.writeValueAsString(Map.of("plan", plan, "files", Map.of("train.py", code))));
    }
}
