package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.research.ResearchRun;

/**
 * The data directory on a small tmpfs of its own, filled up while the team votes, while hypotheses are drafted and
 * while an experiment runs, then given space again: nothing is acknowledged that was not written, the service says
 * which component fails, and once space returns it goes on without a restart, losing nothing it acknowledged.
 */
class FullDiskIT {

    @TempDir
    Path dir;

    private Path data;
    private ServiceFixture fixture;
    private BotService service;
    private final Ballast ballast = new Ballast();

    @BeforeEach
    void start() throws Exception {
        data = dir.resolve("data");
        Files.createDirectories(data);
        int mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m,mode=0700", "tmpfs", data.toString())
                .inheritIO()
                .start()
                .waitFor();
        if (mounted != 0) {
            String why = "a full-disk test needs a small file system of its own, and mount works only as root";
            if (Boolean.getBoolean("mlr.requireSandboxes")) {
                throw new IllegalStateException(why + " (the fault suite is required here)");
            }
            Assumptions.abort(why);
        }
        fixture = new ServiceFixture(dir, Map.of());
        service = fixture.start(new ByteArrayOutputStream());
    }

    @AfterEach
    void stop() throws Exception {
        ballast.release();
        if (service != null) {
            service.close();
        }
        if (fixture != null) {
            fixture.close();
        }
        new ProcessBuilder("umount", "-l", data.toString()).inheritIO().start().waitFor();
    }

    @Test
    void aVoteOrAPostOnAFullDiskIsRefusedAndTheServiceGoesOnWhenSpaceReturns() throws Exception {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.post("research", fixture.paperUrl()).at("/message/id").asText();
        JsonNode h1 = ServiceIT.find(ServiceIT.waitForHypotheses(bob, "research", root, 3), "H1 v1: ");
        String researchId = service.store().recent(1).get(0).id();

        ballast.fill(data);
        HttpResponse<String> vote = bob.attempt(
                "POST",
                "/api/messages/" + h1.path("id").asText() + "/reactions",
                Map.of("user", "u-bob", "userName", "bob", "emoji", "+1"));
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(503);
        assertThat(vote.body()).contains("not saved").contains("try again");
        HttpResponse<String> post = bob.attempt(
                "POST",
                "/api/channels/research/messages",
                Map.of("user", "u-bob", "userName", "bob", "text", "lost in the outage?", "threadId", root));
        assertThat(post.statusCode()).as(post.body()).isEqualTo(503);
        await().atMost(Duration.ofSeconds(10)).until(() -> bob.status("/healthz") == 503);
        assertThat(bob.get("/healthz")).contains("\"disk\":").contains("\"database\":");

        ballast.release();
        await("healthy again without a restart")
                .atMost(Duration.ofSeconds(20))
                .until(() -> bob.status("/healthz") == 200);
        bob.react(h1.path("id").asText(), "+1");
        bob.reply("research", root, "after the outage");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.store().votes(researchId, "H1", 1).up() == 1);

        service.close();
        service = fixture.start(new ByteArrayOutputStream());
        ChatClient back = new ChatClient(service.port(), "u-bob", "bob");
        assertThat(service.store().votes(researchId, "H1", 1).up()).isEqualTo(1);
        List<String> texts = back.thread("research", root).stream()
                .map(m -> m.path("text").asText())
                .toList();
        assertThat(texts).contains("after the outage").doesNotContain("lost in the outage?");
        assertThat(ServiceIT.find(back.thread("research", root), "H1 v1: ")
                        .path("text")
                        .asText())
                .contains("👍 1");
    }

    @Test
    void hypothesesDraftedWhileTheDiskFillsAreSavedAllTogetherOnceSpaceReturns() throws Exception {
        CountDownLatch drafting = new CountDownLatch(1);
        CountDownLatch full = new CountDownLatch(1);
        fixture.llm.answerBy(request -> {
            String schema =
                    request.body().at("/response_format/json_schema/name").asText();
            if (schema.equals("hypotheses") && drafting.getCount() > 0) {
                drafting.countDown();
                try {
                    full.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ServiceFixture.answerFor(schema);
        });
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.post("research", fixture.paperUrl()).at("/message/id").asText();
        assertThat(drafting.await(90, TimeUnit.SECONDS)).isTrue();
        String researchId = service.store().recent(1).get(0).id();
        ballast.fill(data);
        full.countDown();

        await("the draft's save failed").atMost(Duration.ofSeconds(30)).until(() -> bob.status("/healthz") == 503);
        await("health names the held work")
                .atMost(Duration.ofSeconds(10))
                .until(() -> bob.get("/healthz").contains("\"lanes\":\"research work is held"));
        await("no hypothesis is shown while none can be saved")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> bob.thread("research", root).stream()
                        .noneMatch(m -> m.path("title").asText().matches("H\\d v1: .*")));

        ballast.release();
        List<JsonNode> thread = ServiceIT.waitForHypotheses(bob, "research", root, 3);
        assertThat(service.store().hypotheses(researchId)).hasSize(3);
        assertThat(service.store().research(researchId).orElseThrow().status().name())
                .isEqualTo("READY");
        assertThat(thread.stream().map(m -> m.path("text").asText()))
                .anyMatch(t -> t.contains("could not be saved") && t.contains("space"));
        assertThat(thread.stream().filter(m -> m.path("title").asText().startsWith("H1 v1: ")))
                .hasSize(1);

        service.close();
        service = fixture.start(new ByteArrayOutputStream());
        assertThat(service.store().hypotheses(researchId)).hasSize(3);
    }

    @Test
    void aRunWhoseStepCannotBeSavedGoesOnAfterItsLastSavedStepOnceSpaceReturns() throws Exception {
        ChatClient bob = new ChatClient(service.port(), "u-bob", "bob");
        String root = bob.post("research", fixture.paperUrl()).at("/message/id").asText();
        JsonNode h1 = ServiceIT.find(ServiceIT.waitForHypotheses(bob, "research", root, 3), "H1 v1: ");
        fixture.action("list_files", Map.of("dir_path", "."));
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch full = new CountDownLatch(1);
        int before = fixture.llm.requests().size();
        fixture.llm.answerBy(request -> {
            String schema =
                    request.body().at("/response_format/json_schema/name").asText();
            if (schema.isEmpty() && asked.getCount() > 0) {
                asked.countDown();
                try {
                    full.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "I will look at the files again.";
            }
            return ServiceFixture.answerFor(schema);
        });
        bob.press(h1.path("id").asText(), "run", "H1");
        String researchId = service.store().recent(1).get(0).id();
        assertThat(asked.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(fixture.llm.requests().size()).isGreaterThan(before);
        ballast.fill(data);
        fixture.action(
                "write_file", Map.of("file_name", "train.py", "content", ServiceFixture.trainingScriptWithPlot()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "Scaled pixels and an RBF SVC did better."));
        full.countDown();
        await("the step's save failed").atMost(Duration.ofSeconds(30)).until(() -> bob.status("/healthz") == 503);
        await("nothing more is asked while nothing can be saved")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> fixture.llm.pendingReplies() == 3);
        ballast.release();

        JsonNode results = ServiceIT.waitForMessage(bob, root, "Results: ", Duration.ofMinutes(4));
        assertThat(results.path("text").asText()).contains("@bob");
        ResearchRun run = service.store().runs(researchId).get(0);
        assertThat(run.status().name()).isEqualTo("DONE");
        assertThat(service.store().steps(run.id()))
                .extracting(StepRecord::action)
                .containsExactly("list_files", "write_file", "execute_script", "final_answer");
        assertThat(bob.thread("research", root).stream().map(m -> m.path("text").asText()))
                .anyMatch(t -> t.contains("could not be saved") && t.contains("space"))
                .noneMatch(t -> t.contains("failed:"));
    }

    /** A file that takes all the space left on a file system, until released. */
    static final class Ballast {
        private Path file;

        void fill(Path where) throws IOException {
            file = where.resolve("ballast-" + System.nanoTime());
            byte[] block = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(file)) {
                while (true) {
                    out.write(block);
                }
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("No space left")) {
                    throw e;
                }
            }
        }

        void release() throws IOException {
            if (file != null) {
                Files.deleteIfExists(file);
                file = null;
            }
        }
    }
}
