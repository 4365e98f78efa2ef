package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mlrcopilot.bot.service.FakeDiscord.CHANNEL;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.bot.conversation.MessageRole;

/**
 * Discord: the real JDA connected to a fake Discord (REST and gateway) in the test. A paper link in the watched
 * channel opens a thread from the message with the status, the brief and the hypotheses as embeds with buttons;
 * reactions vote; a thread message is feedback; approval by the Reviewers role; the run's results arrive in the
 * thread with the plot attached; the slash command answers only the caller; a 429 is waited out without losing or
 * reordering messages; missing permissions and a refused Message Content intent are said once.
 */
class DiscordIT {

    private static final String ANN = "910000000000000001";
    private static final String BOB = "910000000000000002";
    private static final String RITA = "910000000000000003";
    private static final List<String> REVIEWER = List.of(FakeDiscord.REVIEWERS);

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private ServiceFixture fixture;
    private BotService service;
    private final ByteArrayOutputStream report = new ByteArrayOutputStream();

    private void start() {
        start(Map.of());
    }

    private void start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "DISCORD_BOT_TOKEN",
                "discord-test-token",
                "MLR_DISCORD_API_URL",
                discord.apiUrl(),
                "MLR_DISCORD_GATEWAY_URL",
                discord.gatewayUrl(),
                "MLR_DISCORD_CHANNELS",
                "papers",
                "MLR_DISCORD_APPROVER_ROLE",
                FakeDiscord.REVIEWERS,
                "MLR_SERVICE_STATUS_INTERVAL",
                "50ms",
                "MLR_WEB_PUBLIC_URL",
                "https://mlr.example.org/"));
        env.putAll(extra);
        fixture = new ServiceFixture(dir, env);
        service = fixture.start(report);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !discord.calls("PUT", "applications/\\d+/commands").isEmpty());
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (fixture != null) {
            fixture.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    private List<FakeDiscord.Call> posts(String channel) {
        return discord.calls("POST", "channels/" + channel + "/messages");
    }

    private static String title(FakeDiscord.Call call) {
        JsonNode embeds = call.body().path("embeds");
        return embeds.isArray() && embeds.size() > 0
                ? embeds.get(0).path("title").asText()
                : "";
    }

    private static String everything(FakeDiscord.Call call) {
        return call.body().toString();
    }

    private List<String> hypothesisTitles(String thread) {
        return posts(thread).stream()
                .map(DiscordIT::title)
                .filter(t -> t.matches("H\\d v1: .*"))
                .toList();
    }

    /** Discord's callback for the interaction: the acknowledgement (type 4 reply, 5 deferred reply, 6 deferred). */
    private FakeDiscord.Call acknowledgement(String interaction) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> discord.calls("POST", "interactions/" + interaction + "/.+/callback"), l -> !l.isEmpty())
                .get(0);
    }

    /** What the person is told after the acknowledgement: the follow-up or the deferred reply's content. */
    private FakeDiscord.Call answer(String interaction) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> discord.calls().stream()
                                .filter(c -> c.path()
                                        .matches("webhooks/\\d+/itoken-" + interaction + "(/messages/@original)?"))
                                .findFirst(),
                        Optional::isPresent)
                .get();
    }

    private String linked(String researchId, String role) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> service.store().messageFor(researchId, MessageRole.parse(role)), Optional::isPresent)
                .get()
                .messageId();
    }

    @Test
    void aLinkOpensAThreadWhereTheTeamVotesGivesFeedbackApprovesAndGetsResults() throws Exception {
        discord = new FakeDiscord();
        start();
        assertThat(discord.calls("GET", "users/@me"))
                .first()
                .satisfies(c -> assertThat(c.authorization()).isEqualTo("Bot discord-test-token"));
        JsonNode command =
                discord.calls("PUT", "applications/\\d+/commands").get(0).body().get(0);
        assertThat(command.path("name").asText()).isEqualTo("mlr");
        assertThat(command.toString())
                .contains("\"paper\"")
                .contains("\"link\"")
                .contains("\"status\"")
                .contains("\"stop\"")
                .contains("\"budget\"")
                .contains("\"help\"");

        String chatter = discord.say(CHANNEL, BOB, "bob", List.of(), "help me with https://github.com/x/y", false);
        String root = discord.say(CHANNEL, ANN, "ann", List.of(), "worth a look " + fixture.paperUrl(), false);
        discord.say(FakeDiscord.OTHER_CHANNEL, BOB, "bob", List.of(), "elsewhere " + fixture.paperUrl(), false);

        await().atMost(Duration.ofSeconds(90))
                .until(() -> hypothesisTitles(root).size() == 3);
        assertThat(service.store().recent(10))
                .as("a link in an unwatched channel without a mention is ignored")
                .hasSize(1);
        assertThat(discord.calls("POST", "channels/\\d+/messages/" + chatter + "/threads"))
                .as("chatter in a watched channel gets no thread")
                .isEmpty();
        assertThat(posts(chatter)).isEmpty();
        FakeDiscord.Call thread = discord.calls("POST", "channels/" + CHANNEL + "/messages/" + root + "/threads")
                .get(0);
        assertThat(thread.text("name")).startsWith("Research r-");
        assertThat(discord.calls("PUT", "channels/" + CHANNEL + "/messages/" + root + "/reactions/.+/@me"))
                .extracting(FakeDiscord.Call::path)
                .anySatisfy(p -> assertThat(p).contains("👀"));
        List<FakeDiscord.Call> inThread = posts(root);
        assertThat(everything(inThread.get(0)))
                .as("the status message comes first")
                .contains("r-");
        FakeDiscord.Call h1 = inThread.stream()
                .filter(c -> title(c).startsWith("H1 v1: "))
                .findFirst()
                .orElseThrow();
        assertThat(h1.body().path("embeds").get(0).path("color").asInt()).isPositive();
        assertThat(h1.body().path("components").toString())
                .contains("\"custom_id\":\"mlr:run:H1\"")
                .contains("\"custom_id\":\"mlr:refine:H1\"")
                .contains("\"custom_id\":\"mlr:discard:H1\"");
        assertThat(inThread)
                .allSatisfy(c -> assertThat(c.text("content").length()).isLessThanOrEqualTo(2000));
        String researchId = service.store().recent(1).get(0).id();
        assertThat(service.store().recent(1).get(0).team())
                .as("the server the channel is in")
                .isEqualTo("discord:" + FakeDiscord.GUILD);
        String statusId = linked(researchId, "status");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !discord.calls("PATCH", "channels/" + root + "/messages/" + statusId)
                        .isEmpty());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> discord.calls("PATCH", "channels/" + root).stream()
                        .anyMatch(c -> c.text("name").startsWith("SPECTER")));

        String h3 = linked(researchId, "hypothesis:H3");
        discord.react(root, h3, BOB, "bob", List.of(), "👍", true);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.store().votes(researchId, "H3", 1).up() == 1);
        discord.react(root, h3, BOB, "bob", List.of(), "👍", false);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.store().votes(researchId, "H3", 1).up() == 0);

        String feedback = discord.say(root, BOB, "bob", List.of(), "H2 needs an ablation on the kernel", false);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.store().feedback(researchId, "H2").stream()
                        .anyMatch(f -> f.text().contains("ablation")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !discord.calls("PUT", "channels/" + root + "/messages/" + feedback + "/reactions/.+/@me")
                        .isEmpty());
        assertThat(discord.calls("PUT", "channels/" + root + "/messages/" + feedback + "/reactions/.+/@me"))
                .extracting(FakeDiscord.Call::path)
                .anySatisfy(p -> assertThat(p).contains("✅"));

        String h2 = linked(researchId, "hypothesis:H2");
        assertThat(answer(discord.press(root, h2, "mlr:refine:H2", BOB, "bob", List.of()))
                        .text("content"))
                .contains("Refining H2");
        FakeDiscord.Call v2 = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> posts(root).stream()
                                .filter(c -> title(c).startsWith("H2 v2: "))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(everything(v2))
                .as("a new message linking the version it revises, in Discord's Markdown")
                .contains("[v1](https://discord.com/channels/" + FakeDiscord.GUILD + "/" + root + "/" + h2 + ")")
                .contains("**Changed in v2 from");
        assertThat(v2.body().path("components").toString()).contains("\"custom_id\":\"mlr:run:H2\"");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> discord.calls("PATCH", "channels/" + root + "/messages/" + h2).stream()
                        .anyMatch(c -> everything(c).contains("superseded by v2")));
        assertThat(discord.calls("PATCH", "channels/" + root + "/messages/" + h2).stream()
                        .filter(c -> everything(c).contains("superseded by v2"))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .body()
                        .path("components")
                        .toString())
                .as("the superseded version has no buttons")
                .doesNotContain("custom_id");

        String h1Id = linked(researchId, "hypothesis:H1");
        discord.react(root, h1Id, BOB, "bob", List.of(), "🚀", true);
        FakeDiscord.Call refused = await().atMost(Duration.ofSeconds(10))
                .until(() -> discord.calls("POST", "channels/8\\d+/messages"), l -> !l.isEmpty())
                .get(0);
        assertThat(refused.text("content")).contains("bob is not an approver").contains("role Reviewers");
        assertThat(discord.calls("POST", "users/@me/channels").get(0).text("recipient_id"))
                .isEqualTo(BOB);
        assertThat(service.store().runs(researchId)).isEmpty();

        String bobPress = discord.press(root, h1Id, "mlr:run:H1", BOB, "bob", List.of());
        assertThat(acknowledgement(bobPress).body().path("type").asInt())
                .as("deferred at once")
                .isEqualTo(6);
        FakeDiscord.Call bobAnswer = answer(bobPress);
        assertThat(bobAnswer.body().path("flags").asInt() & 64)
                .as("only bob sees it")
                .isEqualTo(64);
        assertThat(bobAnswer.text("content")).contains("not an approver");

        fixture.action(
                "write_file", Map.of("file_name", "train.py", "content", ServiceFixture.trainingScriptWithPlot()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "An RBF SVC beats the baseline."));
        String press = discord.press(root, h1Id, "mlr:run:H1", RITA, "rita", REVIEWER);
        assertThat(acknowledgement(press).body().path("type").asInt()).isEqualTo(6);
        FakeDiscord.Call answer = answer(press);
        assertThat(answer.body().path("flags").asInt() & 64)
                .as("only rita sees it")
                .isEqualTo(64);
        assertThat(answer.text("content")).contains("Approved: run-");
        assertThat(service.store().runs(researchId)).singleElement().satisfies(r -> {
            assertThat(r.approver()).isEqualTo("rita");
            assertThat(r.requester()).isEqualTo(ANN);
        });

        FakeDiscord.Call results = await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> posts(root).stream()
                                .filter(c -> title(c).startsWith("Results"))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(everything(results))
                .contains("[run page](https://mlr.example.org/run.html?id=run-")
                .contains("<@" + ANN + ">")
                .contains("Baseline")
                .contains("https://discord.com/channels/" + FakeDiscord.GUILD + "/" + root + "/" + h1Id);
        assertThat(results.files()).contains("accuracy.png", "changes.diff", "trace.jsonl");
        assertThat(results.body()
                        .path("embeds")
                        .get(0)
                        .path("image")
                        .path("url")
                        .asText())
                .as("the plot shown in the embed")
                .isEqualTo("attachment://accuracy.png");
    }

    @Test
    void aPlanWithItsOwnDataIsSetUpShownAndRunInTheThread() throws Exception {
        discord = new FakeDiscord();
        start();
        String root = discord.say(CHANNEL, ANN, "ann", List.of(), "worth a look " + fixture.paperUrl(), false);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> hypothesisTitles(root).size() == 3);
        String researchId = service.store().recent(1).get(0).id();
        fixture.setupSteps();
        fixture.action("write_file", Map.of("file_name", "train.py", "content", ServiceFixture.tfidfScript()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "TF-IDF with logistic regression beats the majority class."));

        String press = discord.press(root, linked(researchId, "hypothesis:H2"), "mlr:run:H2", RITA, "rita", REVIEWER);
        assertThat(answer(press).text("content")).contains("Approved: run-");

        FakeDiscord.Call setup = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> posts(root).stream()
                                .filter(c -> title(c).equals("Experiment set-up"))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(everything(setup))
                .contains("imdb-mini/reviews")
                .contains("license apache-2.0")
                .contains("accuracy (higher is better)")
                .contains("0.5000");
        assertThat(setup.files()).contains("eval.py");
        FakeDiscord.Call results = await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> posts(root).stream()
                                .filter(c -> title(c).startsWith("Results"))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(everything(results))
                .contains("built from the plan (imdb-mini/reviews)")
                .contains("accuracy");
        assertThat(service.store().runs(researchId))
                .singleElement()
                .satisfies(r -> assertThat(r.result().finalScore())
                        .isGreaterThan(r.result().baseline()));
    }

    @Test
    void aDataFileAttachedInTheThreadIsFetchedFromTheCdnAndKept() throws Exception {
        discord = new FakeDiscord();
        start();
        String root = discord.say(CHANNEL, ANN, "ann", List.of(), "worth a look " + fixture.paperUrl(), false);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> hypothesisTitles(root).size() == 3);
        String researchId = service.store().recent(1).get(0).id();
        byte[] csv = java.nio.file.Files.readAllBytes(org.mlrcopilot.bot.testing.FakeHubDatasets.REVIEWS);

        discord.sayWithFile(root, ANN, "ann", "our labelled reviews", "reviews.csv", csv);

        FakeDiscord.Call kept = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> posts(root).stream()
                                .filter(c -> c.text("content").contains("Kept reviews.csv"))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(kept.text("content")).contains("datasets of the next set-up");
        assertThat(discord.cdnFetches).containsExactly("reviews.csv");
        assertThat(service.research().files(researchId).get("reviews.csv")).hasBinaryContent(csv);
    }

    @Test
    void aPdfAttachedInAWatchedChannelStartsAResearchOnIt() throws Exception {
        discord = new FakeDiscord();
        start();
        byte[] pdf = java.nio.file.Files.readAllBytes(ServiceFixture.SPECTER);

        String root = discord.sayWithFile(CHANNEL, ANN, "ann", "", "specter.pdf", pdf);

        await().atMost(Duration.ofSeconds(90))
                .until(() -> hypothesisTitles(root).size() == 3);
        assertThat(service.store().recent(1).get(0).link()).endsWith("/specter.pdf");
        assertThat(discord.cdnFetches).containsExactly("specter.pdf");
    }

    @Test
    void theSlashCommandAnswersOnlyTheCallerAndPaperOpensAThread() throws Exception {
        discord = new FakeDiscord();
        start();
        String help = discord.slash(CHANNEL, ANN, "ann", "help", null, null);
        FakeDiscord.Call deferred = acknowledgement(help);
        assertThat(deferred.body().path("type").asInt()).as("deferred at once").isEqualTo(5);
        assertThat(deferred.body().path("data").path("flags").asInt() & 64)
                .as("only ann sees it")
                .isEqualTo(64);
        assertThat(answer(help).text("content")).contains("/mlr paper");

        String paper = discord.slash(CHANNEL, ANN, "ann", "paper", "link", fixture.paperUrl());
        assertThat(answer(paper).text("content")).contains("Starting research r-");
        FakeDiscord.Call root = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> posts(CHANNEL).stream()
                                .filter(c -> c.text("content").contains("asked me to research"))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(root.text("content")).contains("<@" + ANN + ">");
        String rootId = linked(service.store().recent(1).get(0).id(), "root");
        await().atMost(Duration.ofSeconds(90))
                .until(() -> hypothesisTitles(rootId).size() == 3);

        String news = discord.slash(FakeDiscord.NEWS_CHANNEL, ANN, "ann", "paper", "link", fixture.paperUrl());
        FakeDiscord.Call refused = acknowledgement(news);
        assertThat(refused.body().path("data").path("content").asText()).contains("Use /mlr in a text channel");
        assertThat(refused.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(service.store().recent(10)).hasSize(1);

        String status = discord.slash(CHANNEL, ANN, "ann", "status", null, null);
        assertThat(answer(status).text("content")).contains("Recent researches");
    }

    @Test
    void aRateLimitIsWaitedOutAndTheThreadKeepsEveryMessageInOrder() throws Exception {
        discord = new FakeDiscord();
        start();
        discord.rateLimit("POST channels/(?!" + CHANNEL + ")\\d+/messages", 2);
        String root = discord.say(CHANNEL, ANN, "ann", List.of(), fixture.paperUrl(), false);

        await().atMost(Duration.ofSeconds(90))
                .until(() -> hypothesisTitles(root).size() == 3);
        assertThat(discord.calls("POST 429", "channels/" + root + "/messages")).hasSize(2);
        List<String> order = posts(root).stream()
                .map(c -> title(c).isEmpty() ? c.text("content") : title(c))
                .toList();
        assertThat(order.get(0))
                .as("the status message, refused twice, still comes first")
                .contains("r-");
        assertThat(order.stream().filter(t -> t.startsWith("Brief"))).hasSize(1);
        assertThat(order.stream()
                        .filter(t -> t.matches("H\\d v1: .*"))
                        .distinct()
                        .toList())
                .hasSize(3);
        int brief = order.indexOf(
                order.stream().filter(t -> t.startsWith("Brief")).findFirst().orElseThrow());
        assertThat(brief)
                .isLessThan(order.indexOf(order.stream()
                        .filter(t -> t.matches("H\\d v1: .*"))
                        .findFirst()
                        .orElseThrow()));
        List<FakeDiscord.Call> attempts = discord.calls().stream()
                .filter(c -> c.path().equals("channels/" + root + "/messages"))
                .toList();
        for (int i = 0; i < attempts.size() - 1; i++) {
            if (attempts.get(i).method().equals("POST 429")) {
                assertThat(attempts.get(i + 1).body())
                        .as("the refused message is the next one made again")
                        .isEqualTo(attempts.get(i).body());
            }
        }
    }

    @Test
    void withoutThreadPermissionTheBotSaysSoOnceAndAnswersInTheChannel() throws Exception {
        discord = new FakeDiscord();
        discord.botPermissions(FakeDiscord.ALL & ~FakeDiscord.CREATE_PUBLIC_THREADS);
        start();
        FakeDiscord.Call notice = await().atMost(Duration.ofSeconds(10))
                .until(() -> posts(CHANNEL), l -> !l.isEmpty())
                .get(0);
        assertThat(notice.text("content"))
                .contains("missing permissions in #papers")
                .contains("Create Public Threads");

        String root = discord.say(CHANNEL, ANN, "ann", List.of(), fixture.paperUrl(), false);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> hypothesisTitles(CHANNEL).size() == 3);
        assertThat(discord.calls("POST", "channels/\\d+/messages/\\d+/threads"))
                .as("JDA checks before asking")
                .isEmpty();
        assertThat(posts(CHANNEL).stream().filter(c -> c.text("content").contains("⚠️")))
                .as("said once")
                .hasSize(1);
        String researchId = service.store().recent(1).get(0).id();
        assertThat(service.store()
                        .messageFor(researchId, MessageRole.parse("root"))
                        .orElseThrow()
                        .messageId())
                .isEqualTo(root);
        String h2 = linked(researchId, "hypothesis:H2");
        discord.reply(CHANNEL, h2, BOB, "bob", "needs an ablation on the kernel");
        await("a reply to a hypothesis in the channel is its feedback")
                .atMost(Duration.ofSeconds(10))
                .until(() -> service.store().feedback(researchId, "H2").stream()
                        .anyMatch(f -> f.text().contains("ablation")));
    }

    @Test
    void afterARestartTheThreadIsFoundAgainEvenWhenDiscordArchivedIt() throws Exception {
        discord = new FakeDiscord();
        start();
        String root = discord.say(CHANNEL, ANN, "ann", List.of(), fixture.paperUrl(), false);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> hypothesisTitles(root).size() == 3);
        String researchId = service.store().recent(1).get(0).id();
        String h2 = linked(researchId, "hypothesis:H2");
        service.conversation().idle(researchId).get(10, java.util.concurrent.TimeUnit.SECONDS);
        service.close();
        discord.archive(root);

        service = fixture.start(report);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> discord.calls("PUT", "applications/\\d+/commands").size() == 2);
        String press = discord.press(root, h2, "mlr:discard:H2", BOB, "bob", List.of());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !discord.calls("POST", "interactions/" + press + "/.+/callback")
                        .isEmpty());
        FakeDiscord.Call edit = await().atMost(Duration.ofSeconds(20))
                .until(() -> discord.calls("PATCH", "channels/" + root + "/messages/" + h2), l -> !l.isEmpty())
                .get(0);
        assertThat(edit.body().toString()).contains("discarded");
        assertThat(discord.calls("GET", "channels/" + CHANNEL + "/threads/archived/public"))
                .isNotEmpty();
        List<FakeDiscord.Call> all = discord.calls();
        int reopened = all.indexOf(all.stream()
                .filter(c -> c.method().equals("PATCH")
                        && c.path().equals("channels/" + root)
                        && c.body().has("archived")
                        && !c.body().get("archived").asBoolean())
                .findFirst()
                .orElseThrow());
        assertThat(reopened).as("the thread is opened again before the edit").isLessThan(all.indexOf(edit));
    }

    @Test
    void aRefusedTokenTurnsDiscordOffAndTheServiceStillRuns() throws Exception {
        discord = new FakeDiscord();
        fixture = new ServiceFixture(
                dir,
                Map.of(
                        "DISCORD_BOT_TOKEN",
                        "not-the-token",
                        "MLR_DISCORD_API_URL",
                        discord.apiUrl(),
                        "MLR_DISCORD_GATEWAY_URL",
                        discord.gatewayUrl()));
        service = fixture.start(report);
        assertThat(report.toString()).contains("discord: OFF: cannot log in").contains("DISCORD_BOT_TOKEN");
        assertThat(discord.identified()).isEmpty();
        assertThat(service.port()).isPositive();
    }

    @Test
    void aRefusedMessageContentIntentIsSaidOnceAndMentionsStillWork() throws Exception {
        discord = new FakeDiscord();
        discord.refuseMessageContent();
        start();
        assertThat(discord.identified()).hasSize(2);
        assertThat(discord.identified().get(0) & (1L << 15)).isNotZero();
        assertThat(discord.identified().get(1) & (1L << 15)).isZero();
        FakeDiscord.Call notice = await().atMost(Duration.ofSeconds(10))
                .until(() -> posts(CHANNEL), l -> !l.isEmpty())
                .get(0);
        assertThat(notice.text("content")).contains("cannot read messages").contains("Message Content Intent");

        String root =
                discord.say(CHANNEL, ANN, "ann", List.of(), "<@" + FakeDiscord.BOT + "> " + fixture.paperUrl(), true);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> hypothesisTitles(root).size() == 3);
        assertThat(posts(CHANNEL).stream().filter(c -> c.text("content").contains("⚠️")))
                .hasSize(1);
    }

    @Test
    void aLinkedPersonsRoleDecidesInDiscordAsInTheWebChat() throws Exception {
        discord = new FakeDiscord();
        start(Map.of("MLR_WEB_AUTH", "local"));
        java.util.regex.Matcher invite =
                java.util.regex.Pattern.compile("/invite/([A-Za-z0-9_-]+)").matcher(report.toString());
        assertThat(invite.find()).as(report.toString()).isTrue();
        String ada = web(
                        "POST",
                        "/api/auth/accept",
                        null,
                        "{\"code\":\"" + invite.group(1)
                                + "\",\"name\":\"ada\",\"password\":\"correct horse battery\"}")
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow()
                .split(";")[0];
        String memberLink = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(web("POST", "/api/auth/invites", ada, "{\"role\":\"member\"}")
                        .body())
                .path("link")
                .asText();
        String carl = web(
                        "POST",
                        "/api/auth/accept",
                        null,
                        "{\"code\":\""
                                + memberLink.substring(memberLink.lastIndexOf('/') + 1)
                                + "\",\"name\":\"carl\",\"password\":\"carl's long password\"}")
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow()
                .split(";")[0];

        link(BOB, "bob", ada);
        link(RITA, "rita", carl);

        String root = discord.say(CHANNEL, ANN, "ann", List.of(), "worth a look " + fixture.paperUrl(), false);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> hypothesisTitles(root).size() == 3);
        String researchId = service.store().recent(1).get(0).id();
        String h1 = linked(researchId, "hypothesis:H1");

        String ritaPress = discord.press(root, h1, "mlr:run:H1", RITA, "rita", REVIEWER);
        assertThat(answer(ritaPress).text("content"))
                .as("carl's account is a member, whatever rita's Discord role")
                .contains("carl is not an approver");
        assertThat(service.store().runs(researchId)).isEmpty();

        String bobPress = discord.press(root, h1, "mlr:run:H1", BOB, "bob", List.of());
        assertThat(answer(bobPress).text("content"))
                .as("bob is linked to ada, an admin")
                .contains("Approved");
        assertThat(service.store().runs(researchId).get(0).approver()).isEqualTo("ada");
        JsonNode audit = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(web("GET", "/api/auth/audit", ada, null).body());
        List<String> approvals = new java.util.ArrayList<>();
        audit.forEach(e -> approvals.add(e.path("who").asText() + " "
                + e.path("action").asText() + "@" + e.path("platform").asText()));
        assertThat(approvals).contains("ada approve@discord", "carl approval refused@discord");
        JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(web(
                                "GET",
                                "/api/runs/"
                                        + service.store()
                                                .runs(researchId)
                                                .get(0)
                                                .id(),
                                ada,
                                null)
                        .body());
        assertThat(run.toString()).as("the web view shows the same approver").contains("\"approver\":\"ada\"");
    }

    /** {@code /mlr link} in Discord, then the code entered in the web chat by the account behind {@code cookie}. */
    private void link(String user, String name, String cookie) throws Exception {
        String asked = discord.slash(CHANNEL, user, name, "link", null, null);
        String text = answer(asked).text("content");
        java.util.regex.Matcher code =
                java.util.regex.Pattern.compile("link code is (\\S+) ").matcher(text);
        assertThat(code.find()).as(text).isTrue();
        assertThat(web("POST", "/api/auth/link", cookie, "{\"code\":\"" + code.group(1) + "\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    private java.net.http.HttpResponse<String> web(String method, String path, String cookie, String body)
            throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + service.port() + path))
                .method(
                        method,
                        body == null
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return java.net.http.HttpClient.newHttpClient()
                .send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
