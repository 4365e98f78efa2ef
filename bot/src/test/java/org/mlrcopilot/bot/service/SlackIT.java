package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.bot.conversation.MessageRole;

/**
 * Slack in http mode: the real Bolt App behind {@code POST /slack/events}, the real Web API client pointed at a
 * fake Slack that records every call. Signed events start a research in a thread; bad signatures and stale
 * timestamps are refused with 401; a retried event is handled once; a button click edits the message.
 */
class SlackIT {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String MENTION_TS = "1700000001.000100";

    @TempDir
    Path dir;

    private FakeSlack slack;
    private ServiceFixture fixture;
    private BotService service;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        fixture = new ServiceFixture(
                dir,
                Map.of(
                        "MLR_SLACK_MODE",
                        "http",
                        "SLACK_BOT_TOKEN",
                        "xoxb-test-1",
                        "SLACK_SIGNING_SECRET",
                        SECRET,
                        "MLR_SLACK_API_URL",
                        slack.apiUrl(),
                        "MLR_SERVICE_STATUS_INTERVAL",
                        "50ms",
                        "MLR_SERVICE_APPROVERS",
                        "U9",
                        "MLR_SLACK_CHANNELS",
                        "C7"));
        service = fixture.start(new ByteArrayOutputStream());
    }

    @AfterEach
    void stop() {
        service.close();
        fixture.close();
        slack.close();
    }

    private HttpResponse<String> send(
            String contentType, String body, long timestamp, String secret, Map<String, String> extra)
            throws Exception {
        String signature = "v0=" + HexFormat.of().formatHex(hmac(secret, "v0:" + timestamp + ":" + body));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.port() + "/slack/events"))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        extra.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> event(
            String eventId, String eventJson, long timestamp, String secret, Map<String, String> extra)
            throws Exception {
        String body = "{\"token\":\"legacy\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":" + timestamp + ",\"event\":" + eventJson + "}";
        return send("application/json", body, timestamp, secret, extra);
    }

    private String mention() {
        return "{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"<@UBOT> please read <" + fixture.paperUrl()
                + ">\",\"ts\":\"" + MENTION_TS + "\",\"channel\":\"C1\",\"event_ts\":\"" + MENTION_TS + "\"}";
    }

    private static byte[] hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void aMentionWithAPaperBecomesAThreadWithHypotheses() throws Exception {
        assertThat(event("Ev1", mention(), now(), SECRET, Map.of()).statusCode())
                .isEqualTo(200);

        List<FakeSlack.Call> hypotheses = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").matches("(?s)H\\d v1: .*"))
                                .toList(),
                        l -> l.size() == 3);
        assertThat(hypotheses).allSatisfy(c -> {
            assertThat(c.param("thread_ts")).isEqualTo(MENTION_TS);
            assertThat(c.param("channel")).isEqualTo("C1");
            assertThat(c.param("unfurl_links")).isIn("0", "false");
            assertThat(c.param("blocks")).contains("\"type\":\"actions\"").contains("\"action_id\":\"run\"");
            assertThat(c.param("metadata"))
                    .contains("\"event_type\":\"mlr_message\"")
                    .contains("\"research\":\"r-")
                    .contains("\"role\":\"hypothesis:H");
        });
        assertThat(slack.calls("reactions.add")).anySatisfy(c -> {
            assertThat(c.param("name")).isEqualTo("eyes");
            assertThat(c.param("timestamp")).isEqualTo(MENTION_TS);
        });
        assertThat(slack.calls("chat.postMessage"))
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xoxb-test-1"));

        assertThat(event(
                                "Ev1",
                                mention(),
                                now(),
                                SECRET,
                                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                        .statusCode())
                .isEqualTo(200);
        String sameMessage = mention().replace("app_mention", "message");
        assertThat(event("Ev2", sameMessage, now(), SECRET, Map.of()).statusCode())
                .isEqualTo(200);
        await("the retry and the message event of the same mention start nothing more")
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> service.store().recent(10).size() == 1);

        String researchId = service.store().recent(1).get(0).id();
        assertThat(service.store().recent(1).get(0).team())
                .as("the workspace auth.test names")
                .isEqualTo("slack:T1");
        String h2Ts = linked(researchId, "hypothesis:H2");
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U2\",\"username\":\"ann\","
                + "\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"legacy\",\"container\":{\"type\":"
                + "\"message\",\"message_ts\":\"" + h2Ts + "\",\"channel_id\":\"C1\"},\"trigger_id\":\"t1\","
                + "\"team\":{\"id\":\"T1\"},\"channel\":{\"id\":\"C1\",\"name\":\"research\"},"
                + "\"response_url\":\"" + slack.apiUrl() + "respond\",\"actions\":[{\"action_id\":\"discard\","
                + "\"block_id\":\"b1\",\"value\":\"H2\",\"type\":\"button\",\"action_ts\":\"1700000300.000100\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"Discard\"}}]}";
        assertThat(send("application/x-www-form-urlencoded", "payload=" + enc(payload), now(), SECRET, Map.of())
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> slack.calls("chat.update").stream()
                        .anyMatch(c ->
                                c.param("ts").equals(h2Ts) && c.param("text").contains("_discarded_")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !slack.calls("respond").isEmpty());

        String h1Ts = linked(researchId, "hypothesis:H1");
        String rocket = "{\"type\":\"reaction_added\",\"user\":\"U1\",\"reaction\":\"rocket\",\"item\":{\"type\":"
                + "\"message\",\"channel\":\"C1\",\"ts\":\"" + h1Ts + "\"},\"item_user\":\"UBOT\","
                + "\"event_ts\":\"1700000400.000100\"}";
        assertThat(event("Ev7", rocket, now(), SECRET, Map.of()).statusCode()).isEqualTo(200);
        FakeSlack.Call whisper = await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.calls("chat.postEphemeral"), l -> !l.isEmpty())
                .get(0);
        assertThat(whisper.param("user")).isEqualTo("U1");
        assertThat(whisper.param("text")).contains("ann-U1 is not an approver").contains("U9");
        assertThat(slack.calls("users.info")).extracting(c -> c.param("user")).containsOnlyOnce("U1");
        assertThat(service.store().runs(researchId)).isEmpty();

        String feedback = "{\"type\":\"message\",\"user\":\"U1\",\"text\":\"H1 needs **two** seeds\","
                + "\"ts\":\"1700000500.000100\",\"thread_ts\":\"" + MENTION_TS + "\",\"channel\":\"C1\","
                + "\"event_ts\":\"1700000500.000100\"}";
        assertThat(event("Ev8", feedback, now(), SECRET, Map.of()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !service.store().feedback(researchId, "H1").isEmpty());
        assertThat(send(
                                "application/x-www-form-urlencoded",
                                "payload="
                                        + enc(payload.replace(h2Ts, h1Ts)
                                                .replace("\"discard\"", "\"refine\"")
                                                .replace("\"H2\"", "\"H1\"")
                                                .replace("Discard", "Refine")
                                                .replace("1700000300.000100", "1700000600.000100")),
                                now(),
                                SECRET,
                                Map.of())
                        .statusCode())
                .isEqualTo(200);
        FakeSlack.Call v2 = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").startsWith("H1 v2: "))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(v2.param("thread_ts")).as("a new message in the thread").isEqualTo(MENTION_TS);
        assertThat(v2.param("blocks"))
                .as("linking v1 by its permalink")
                .contains("\\u003chttps://lab.slack.com/archives/C1/p" + h1Ts.replace(".", "") + "|v1\\u003e")
                .contains("\"action_id\":\"run\"");
        FakeSlack.Call v1 = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> slack.calls("chat.update").stream()
                                .filter(c -> c.param("ts").equals(h1Ts)
                                        && c.param("text").contains("superseded by v2"))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(v1.param("blocks"))
                .as("no buttons on the superseded version")
                .doesNotContain("\"actions\"");
    }

    @Test
    void anApprovedRunPostsItsResultsWithThePlotInTheThread() throws Exception {
        assertThat(event("Ev20", mention(), now(), SECRET, Map.of()).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").matches("(?s)H\\d v1: .*"))
                                .count()
                        == 3);
        String researchId = service.store().recent(1).get(0).id();
        String h1Ts = linked(researchId, "hypothesis:H1");
        fixture.action(
                "write_file", Map.of("file_name", "train.py", "content", ServiceFixture.trainingScriptWithPlot()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "An RBF SVC beats the baseline."));
        String rocket = "{\"type\":\"reaction_added\",\"user\":\"U9\",\"reaction\":\"rocket\",\"item\":{\"type\":"
                + "\"message\",\"channel\":\"C1\",\"ts\":\"" + h1Ts + "\"},\"item_user\":\"UBOT\","
                + "\"event_ts\":\"1700000500.000100\"}";
        assertThat(event("Ev21", rocket, now(), SECRET, Map.of()).statusCode()).isEqualTo(200);

        FakeSlack.Call results = await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").startsWith("Results: "))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
        assertThat(results.param("thread_ts")).isEqualTo(MENTION_TS);
        assertThat(results.param("text")).contains("<@U1>");
        assertThat(results.param("text"))
                .contains("<https://lab.slack.com/archives/C1/p" + h1Ts.replace(".", "") + "|H1>");
        assertThat(results.param("blocks")).contains("Baseline").contains("Improvement");
        FakeSlack.Call complete = await().atMost(Duration.ofSeconds(30))
                .until(() -> slack.calls("files.completeUploadExternal"), l -> !l.isEmpty())
                .get(0);
        assertThat(complete.param("thread_ts")).isEqualTo(MENTION_TS);
        assertThat(complete.param("channel_id")).isEqualTo("C1");
        assertThat(slack.calls("files.getUploadURLExternal"))
                .extracting(c -> c.param("filename"))
                .contains("accuracy.png");
        assertThat(slack.uploads.values())
                .anySatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                        .contains("PNG"));
    }

    @Test
    void aPlanWithItsOwnDataIsSetUpShownAndRunInTheThread() throws Exception {
        assertThat(event("Ev30", mention(), now(), SECRET, Map.of()).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").matches("(?s)H\\d v1: .*"))
                                .count()
                        == 3);
        String researchId = service.store().recent(1).get(0).id();
        fixture.setupSteps();
        fixture.action("write_file", Map.of("file_name", "train.py", "content", ServiceFixture.tfidfScript()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "TF-IDF with logistic regression beats the majority class."));
        String rocket = "{\"type\":\"reaction_added\",\"user\":\"U9\",\"reaction\":\"rocket\",\"item\":{\"type\":"
                + "\"message\",\"channel\":\"C1\",\"ts\":\"" + linked(researchId, "hypothesis:H2") + "\"},"
                + "\"item_user\":\"UBOT\",\"event_ts\":\"1700000600.000100\"}";
        assertThat(event("Ev31", rocket, now(), SECRET, Map.of()).statusCode()).isEqualTo(200);

        FakeSlack.Call setup = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").startsWith("Experiment set-up"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
        assertThat(setup.param("thread_ts")).isEqualTo(MENTION_TS);
        assertThat(setup.param("blocks"))
                .contains("imdb-mini/reviews")
                .contains("apache-2.0")
                .contains("accuracy (higher is better)")
                .contains("0.5000");
        FakeSlack.Call results = await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").startsWith("Results: "))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
        assertThat(results.param("blocks"))
                .contains("built from the plan (imdb-mini/reviews)")
                .contains("accuracy");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> slack.calls("files.getUploadURLExternal").stream()
                        .anyMatch(c -> c.param("filename").equals("eval.py")));
    }

    @Test
    void aDataFileSharedInTheThreadIsFetchedWithTheBotTokenAndKept() throws Exception {
        assertThat(event("Ev40", mention(), now(), SECRET, Map.of()).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").matches("(?s)H\\d v1: .*"))
                                .count()
                        == 3);
        String researchId = service.store().recent(1).get(0).id();
        byte[] csv = java.nio.file.Files.readAllBytes(org.mlrcopilot.bot.testing.FakeHubDatasets.REVIEWS);
        String url = slack.share("reviews.csv", csv);
        String share = "{\"type\":\"message\",\"subtype\":\"file_share\",\"user\":\"U1\",\"text\":\"our data\","
                + "\"ts\":\"1700000002.000200\",\"thread_ts\":\"" + MENTION_TS + "\",\"channel\":\"C1\","
                + "\"files\":[{\"id\":\"F9\",\"name\":\"reviews.csv\",\"mimetype\":\"text/csv\",\"size\":" + csv.length
                + ",\"url_private\":\"" + url + "\",\"url_private_download\":\"" + url + "\"}],"
                + "\"event_ts\":\"1700000002.000200\"}";

        assertThat(event("Ev41", share, now(), SECRET, Map.of()).statusCode()).isEqualTo(200);

        FakeSlack.Call kept = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").contains("Kept reviews.csv"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
        assertThat(kept.param("thread_ts")).isEqualTo(MENTION_TS);
        assertThat(slack.fileAuthorizations).containsExactly("Bearer xoxb-test-1");
        assertThat(service.research().files(researchId)).containsKey("reviews.csv");
        assertThat(service.research().files(researchId).get("reviews.csv")).hasBinaryContent(csv);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.calls("reactions.add").stream()
                        .anyMatch(c -> c.param("name").equals("white_check_mark")
                                && c.param("timestamp").equals("1700000002.000200")));
    }

    @Test
    void aPdfSharedWithAMentionStartsAResearchOnIt() throws Exception {
        byte[] pdf = java.nio.file.Files.readAllBytes(ServiceFixture.SPECTER);
        String url = slack.share("specter.pdf", pdf);
        String share = "{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"<@UBOT> what about this one?\","
                + "\"ts\":\"1700000003.000300\",\"channel\":\"C1\",\"files\":[{\"id\":\"F8\",\"name\":"
                + "\"specter.pdf\",\"mimetype\":\"application/pdf\",\"size\":" + pdf.length + ",\"url_private\":\""
                + url + "\",\"url_private_download\":\"" + url + "\"}],\"event_ts\":\"1700000003.000300\"}";

        assertThat(event("Ev50", share, now(), SECRET, Map.of()).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(90))
                .until(() -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("thread_ts").equals("1700000003.000300"))
                                .filter(c -> c.param("text").matches("(?s)H\\d v1: .*"))
                                .count()
                        == 3);
        assertThat(service.store().recent(1).get(0).link()).endsWith("/specter.pdf");
        assertThat(slack.fileAuthorizations).containsExactly("Bearer xoxb-test-1");
    }

    @Test
    void aRateLimitedPostIsWaitedOutAndTheThreadKeepsItsOrder() throws Exception {
        slack.rateLimitNext("chat.postMessage");
        assertThat(event("Ev5", mention(), now(), SECRET, Map.of()).statusCode())
                .isEqualTo(200);

        List<FakeSlack.Call> posts = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> slack.calls("chat.postMessage"),
                        l -> l.stream()
                                        .filter(c -> c.param("text").matches("(?s)H\\d v1: .*"))
                                        .count()
                                == 3);
        assertThat(slack.rateLimitedAt).hasSize(1);
        assertThat(posts.get(0).param("text"))
                .as("the status message, refused once, still comes first")
                .contains("research r-");
        assertThat(posts.stream()
                        .map(c -> c.param("text"))
                        .filter(t -> t.startsWith("Brief: ") || t.matches("(?s)H\\d v1: .*"))
                        .toList())
                .hasSize(4);
        assertThat(posts.stream()
                        .map(c -> c.param("text"))
                        .toList()
                        .indexOf(posts.stream()
                                .map(c -> c.param("text"))
                                .filter(t -> t.startsWith("Brief: "))
                                .findFirst()
                                .orElseThrow()))
                .isLessThan(posts.size() - 3);
    }

    @Test
    void theAppHomeShowsThePersonsResearches() throws Exception {
        assertThat(event("Ev30", mention(), now(), SECRET, Map.of()).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").matches("(?s)H\\d v1: .*"))
                                .count()
                        == 3);
        String opened = "{\"type\":\"app_home_opened\",\"user\":\"U1\",\"channel\":\"D1\",\"tab\":\"home\","
                + "\"event_ts\":\"1700000600.000100\"}";
        assertThat(event("Ev31", opened, now(), SECRET, Map.of()).statusCode()).isEqualTo(200);

        FakeSlack.Call publish = await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.calls("views.publish"), l -> !l.isEmpty())
                .get(0);
        assertThat(publish.param("user_id")).isEqualTo("U1");
        assertThat(publish.param("view"))
                .contains("\"type\":\"home\"")
                .contains("Your researches")
                .contains("SPECTER")
                .contains("Approvers: U9");
    }

    @Test
    void aLinkedPersonsApprovalInSlackIsTheirWebAccountsApproval() throws Exception {
        service.close();
        fixture.close();
        java.nio.file.Files.createDirectories(dir.resolve("linked"));
        fixture = new ServiceFixture(
                dir.resolve("linked"),
                Map.of(
                        "MLR_SLACK_MODE",
                        "http",
                        "SLACK_BOT_TOKEN",
                        "xoxb-test-1",
                        "SLACK_SIGNING_SECRET",
                        SECRET,
                        "MLR_SLACK_API_URL",
                        slack.apiUrl(),
                        "MLR_SERVICE_STATUS_INTERVAL",
                        "50ms",
                        "MLR_SERVICE_APPROVERS",
                        "nobody",
                        "MLR_WEB_AUTH",
                        "local"));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        service = fixture.start(report);
        java.util.regex.Matcher invite =
                java.util.regex.Pattern.compile("/invite/([A-Za-z0-9_-]+)").matcher(report.toString());
        assertThat(invite.find()).isTrue();
        HttpResponse<String> joined = web(
                "POST",
                "/api/auth/accept",
                null,
                "{\"code\":\"" + invite.group(1) + "\",\"name\":\"ada\",\"password\":\"correct horse battery\"}");
        String cookie = joined.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        String askU9 = command("link", "tr9").replace("user_id=U1", "user_id=U9");
        HttpResponse<String> code = send("application/x-www-form-urlencoded", askU9, now(), SECRET, Map.of());
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("link code is (\\S+) ").matcher(code.body());
        assertThat(m.find()).as(code.body()).isTrue();
        assertThat(web("POST", "/api/auth/link", cookie, "{\"code\":\"" + m.group(1) + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(web("POST", "/api/auth/link", cookie, "{\"code\":\"" + m.group(1) + "\"}")
                        .statusCode())
                .as("a link code works once")
                .isEqualTo(404);

        assertThat(event("Ev60", mention(), now(), SECRET, Map.of()).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").matches("(?s)H\\d v1: .*"))
                                .count()
                        == 3);
        String researchId = service.store().recent(1).get(0).id();
        String h1Ts = linked(researchId, "hypothesis:H1");
        String rocketBy = "{\"type\":\"reaction_added\",\"user\":\"%s\",\"reaction\":\"rocket\",\"item\":{"
                + "\"type\":\"message\",\"channel\":\"C1\",\"ts\":\"" + h1Ts + "\"},\"item_user\":\"UBOT\","
                + "\"event_ts\":\"1700000700.00010%s\"}";
        assertThat(event("Ev61", rocketBy.formatted("U7", "1"), now(), SECRET, Map.of())
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.calls("chat.postEphemeral").stream()
                        .anyMatch(c -> c.param("text").contains("not an approver")));
        assertThat(service.store().runs(researchId)).isEmpty();

        assertThat(event("Ev62", rocketBy.formatted("U9", "2"), now(), SECRET, Map.of())
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !service.store().runs(researchId).isEmpty());
        assertThat(service.store().runs(researchId).get(0).approver())
                .as("U9 approves as ada, an admin")
                .isEqualTo("ada");
        com.fasterxml.jackson.databind.JsonNode audit = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(web("GET", "/api/auth/audit", cookie, null).body());
        assertThat(audit.findValuesAsText("action")).contains("link", "approve", "approval refused");
        java.util.List<String> approvals = new java.util.ArrayList<>();
        audit.forEach(e -> {
            if (e.path("action").asText().equals("approve")) {
                approvals.add(e.path("who").asText() + "@" + e.path("platform").asText());
            }
        });
        assertThat(approvals).containsExactly("ada@slack");
        assertThat(web("GET", "/api/auth/people", cookie, null).body())
                .as("the admin page lists linked identities")
                .contains("\"identities\":[\"slack U9\"]");
    }

    private HttpResponse<String> web(String method, String path, String cookie, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badSignaturesAndStaleRequestsAreRefused() throws Exception {
        assertThat(event("Ev9", mention(), now(), "not-the-secret", Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(event("Ev9", mention(), now() - 600, SECRET, Map.of()).statusCode())
                .isEqualTo(401);
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> service.store().recent(10).isEmpty());
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void theSlashCommandAnswersTheCaller() throws Exception {
        String body = "command=" + enc("/mlr") + "&text=" + enc("help") + "&user_id=U1&user_name=ann&channel_id=C1"
                + "&team_id=T1&trigger_id=tr1&response_url=" + enc("http://127.0.0.1:9/resp") + "&token=legacy";
        HttpResponse<String> answer = send("application/x-www-form-urlencoded", body, now(), SECRET, Map.of());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("MLR-Copilot").contains("/mlr paper");
    }

    @Test
    void aLinkInAWatchedChannelStartsAResearchAndReactionsVote() throws Exception {
        String ts = "1700000800.000100";
        String plain = "{\"type\":\"message\",\"user\":\"U3\",\"text\":\"worth a look <" + fixture.paperUrl()
                + ">\",\"ts\":\"" + ts + "\",\"channel\":\"C7\",\"channel_type\":\"channel\"}";
        String elsewhere = plain.replace("C7", "C8").replace(ts, "1700000801.000100");
        assertThat(event("Ev40", plain, now(), SECRET, Map.of()).statusCode()).isEqualTo(200);
        assertThat(event("Ev41", elsewhere, now(), SECRET, Map.of()).statusCode())
                .isEqualTo(200);
        String chatter = plain.replace(
                        "worth a look <" + fixture.paperUrl() + ">", "our code: <https://github.com/x/y>")
                .replace(ts, "1700000799.000100");
        assertThat(event("Ev39", chatter, now(), SECRET, Map.of()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").matches("(?s)H\\d v1: .*")
                                        && c.param("thread_ts").equals(ts))
                                .count()
                        == 3);
        assertThat(service.store().recent(10))
                .as("a link in an unwatched channel without a mention, and a "
                        + "repository link in a watched one, are ignored")
                .hasSize(1);

        String researchId = service.store().recent(1).get(0).id();
        String h3Ts = linked(researchId, "hypothesis:H3");
        String added = "{\"type\":\"reaction_added\",\"user\":\"U4\",\"reaction\":\"+1\",\"item\":{\"type\":"
                + "\"message\",\"channel\":\"C7\",\"ts\":\"" + h3Ts + "\"},\"event_ts\":\"1700000802.000100\"}";
        event("Ev42", added, now(), SECRET, Map.of());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.store().votes(researchId, "H3", 1).up() == 1);
        event("Ev43", added.replace("reaction_added", "reaction_removed"), now(), SECRET, Map.of());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.store().votes(researchId, "H3", 1).up() == 0);
    }

    @Test
    void paperStatusAndBudgetCommandsWork() throws Exception {
        HttpResponse<String> started = send(
                "application/x-www-form-urlencoded",
                command("paper " + fixture.paperUrl(), "tr2"),
                now(),
                SECRET,
                Map.of());
        assertThat(started.body()).contains("Starting research r-");

        FakeSlack.Call root = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").contains("asked me to research"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
        assertThat(root.param("thread_ts")).isEmpty();
        assertThat(root.param("text")).contains("<@U1>");
        String rootTs = linked(service.store().recent(1).get(0).id(), "root");
        await().atMost(Duration.ofSeconds(90))
                .until(() -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").matches("(?s)H\\d v1: .*")
                                        && c.param("thread_ts").equals(rootTs))
                                .count()
                        == 3);

        assertThat(send("application/x-www-form-urlencoded", command("status", "tr3"), now(), SECRET, Map.of())
                        .body())
                .contains("Recent researches")
                .contains("SPECTER");
        assertThat(send("application/x-www-form-urlencoded", command("budget", "tr4"), now(), SECRET, Map.of())
                        .body())
                .contains("Today: $")
                .contains("model calls")
                .as("the workspace's spending: the research's model calls were charged to slack:T1")
                .doesNotContain(" in 0 model calls");
    }

    private String command(String text, String trigger) {
        return "command=" + enc("/mlr") + "&text=" + enc(text) + "&user_id=U1&user_name=ann&channel_id=C1"
                + "&team_id=T1&trigger_id=" + trigger + "&response_url=" + enc(slack.apiUrl() + "respond")
                + "&token=legacy";
    }

    /** The message id stored for a role: stored once Slack's answer is back, a moment after the fake saw the call. */
    private String linked(String researchId, String role) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> service.store().messageFor(researchId, MessageRole.parse(role)),
                        java.util.Optional::isPresent)
                .get()
                .messageId();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
