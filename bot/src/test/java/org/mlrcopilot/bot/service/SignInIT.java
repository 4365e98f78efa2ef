package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web chat with local accounts (web.auth=local), over real HTTP: the first start prints a one-time admin invite,
 * nothing but the sign-in pages answers without a session, the session cookie is HttpOnly and SameSite=Lax and new at
 * every sign-in, an invite works once, the acting person comes from the session (not the request), a member cannot
 * approve a run, failed sign-ins are throttled and signing out ends the session.
 */
class SignInIT {

    private static final Pattern INVITE = Pattern.compile("/invite/([A-Za-z0-9_-]{20,})");
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private BotService service;
    private final ByteArrayOutputStream report = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        fixture = new ServiceFixture(dir, Map.of("MLR_WEB_AUTH", "local"));
        service = fixture.start(report);
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        fixture.close();
    }

    private HttpResponse<String> call(String method, String path, String cookie, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            b.header("Cookie", "mlr_session=" + cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<String> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring("mlr_session=".length(), setCookie.indexOf(';'));
    }

    private static String inviteCode(String text) {
        Matcher m = INVITE.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    @Test
    void invitedPeopleSignInAndActAsThemselves() throws Exception {
        assertThat(call("GET", "/api/channels", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> page = call("GET", "/", null, null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/signin");
        assertThat(call("GET", "/signin", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/healthz", null, null).statusCode()).isEqualTo(200);

        String adminCode = inviteCode(report.toString());
        HttpResponse<String> joined = call(
                "POST",
                "/api/auth/accept",
                null,
                Map.of("code", adminCode, "name", "ada", "password", "correct horse battery"));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        assertThat(joined.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        String ada = session(joined);
        assertThat(json.readTree(call("GET", "/api/auth/me", ada, null).body())
                        .path("role")
                        .asText())
                .isEqualTo("admin");
        assertThat(call(
                                "POST",
                                "/api/auth/accept",
                                null,
                                Map.of("code", adminCode, "name", "eve", "password", "another password"))
                        .statusCode())
                .as("an invite works once")
                .isEqualTo(410);

        String memberLink = json.readTree(call("POST", "/api/auth/invites", ada, Map.of("role", "member"))
                        .body())
                .path("link")
                .asText();
        JsonNode open =
                json.readTree(call("GET", "/api/auth/invites", ada, null).body());
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("role").asText()).isEqualTo("member");
        assertThat(open.get(0).path("by").asText()).isEqualTo("ada");
        String bob = session(call(
                "POST",
                "/api/auth/accept",
                null,
                Map.of("code", inviteCode(memberLink), "name", "bob", "password", "bob's long password")));
        assertThat(json.readTree(call("GET", "/api/auth/invites", ada, null).body()))
                .as("a used invite is closed")
                .isEmpty();
        assertThat(call("GET", "/api/auth/invites", bob, null).statusCode())
                .as("admins only")
                .isEqualTo(403);
        JsonNode posted = json.readTree(call(
                                "POST",
                                "/api/channels/research/messages",
                                bob,
                                Map.of("user", "u-ada", "userName", "ada", "text", "Look: " + fixture.paperUrl()))
                        .body())
                .path("message");
        assertThat(posted.path("userName").asText())
                .as("the session says who acts, not the request")
                .isEqualTo("bob");
        String root = posted.path("id").asText();
        JsonNode h1 = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> thread(bob, root).stream()
                                .filter(m -> m.path("title").asText().startsWith("H1 v1: "))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
        String refused = json.readTree(call(
                                "POST",
                                "/api/messages/" + h1.path("id").asText() + "/buttons",
                                bob,
                                Map.of("action", "run", "value", "H1"))
                        .body())
                .path("notice")
                .asText();
        assertThat(refused).contains("bob is not an approver");

        HttpResponse<String> audit = call("GET", "/api/auth/audit", ada, null);
        assertThat(audit.body())
                .contains("\"action\":\"join\"")
                .contains("\"action\":\"invite\"")
                .contains("\"action\":\"approval refused\"")
                .contains("bob is not an approver")
                .doesNotContain("correct horse battery")
                .doesNotContain(adminCode);
        assertThat(call("GET", "/api/auth/audit", bob, null).statusCode())
                .as("admins only")
                .isEqualTo(403);
        assertThat(call("GET", "/admin.html", ada, null).statusCode()).isEqualTo(200);

        String again = session(
                call("POST", "/api/auth/signin", null, Map.of("name", "bob", "password", "bob's long password")));
        assertThat(again).as("a new session at every sign-in").isNotEqualTo(bob);
        assertThat(call("POST", "/api/auth/signout", again, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/channels", again, null).statusCode()).isEqualTo(401);
    }

    @Test
    void failedSignInsAreThrottled() throws Exception {
        String ada = session(call(
                "POST",
                "/api/auth/accept",
                null,
                Map.of("code", inviteCode(report.toString()), "name", "ada", "password", "correct horse battery")));
        for (int i = 0; i < 5; i++) {
            assertThat(call("POST", "/api/auth/signin", null, Map.of("name", "ada", "password", "guess " + i))
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> blocked =
                call("POST", "/api/auth/signin", null, Map.of("name", "ada", "password", "correct horse battery"));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("too many failed sign-ins");
        assertThat(call("GET", "/api/channels", ada, null).statusCode())
                .as("existing sessions stay")
                .isEqualTo(200);
    }

    /** The routes that answer without a session: sign-in, invitations, single sign-on, assets, Slack, probes. */
    private static final java.util.Set<String> OPEN = java.util.Set.of(
            "GET /healthz",
            "GET /metrics",
            "GET /signin",
            "GET /invite/{code}",
            "POST /api/auth/signin",
            "POST /api/auth/accept",
            "GET /api/auth/providers",
            "POST /api/auth/signout",
            "POST /slack/events");

    @Test
    void everyRouteButTheOpenOnesNeedsASession() throws Exception {
        java.util.List<String> endpoints = service.endpoints();
        assertThat(endpoints)
                .as("the routes are found")
                .hasSizeGreaterThan(20)
                .contains("POST /api/messages/{id}/buttons", "GET /api/auth/audit");
        java.util.List<String> unguarded = new java.util.ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (OPEN.contains(endpoint)
                    || path.startsWith("/static/")
                    || method.equals("HEAD")
                    || method.equals("OPTIONS")
                    || method.startsWith("BEFORE")
                    || method.startsWith("AFTER")) {
                continue;
            }
            String concrete = path.replaceAll("\\{[^}]+}", "x1")
                    .replaceAll("<[^>]+>", "x1")
                    .replace("*", "x1");
            if (!concrete.startsWith("/")) {
                unguarded.add(endpoint + " (not a path)");
                continue;
            }
            HttpResponse<String> answer = call(method, concrete, null, Map.of());
            boolean guarded = concrete.startsWith("/api/") || concrete.startsWith("/files/")
                    ? answer.statusCode() == 401
                    : answer.statusCode() == 302
                            && answer.headers()
                                    .firstValue("Location")
                                    .orElse("")
                                    .equals("/signin");
            if (!guarded) {
                unguarded.add(endpoint + " -> " + answer.statusCode());
            }
        }
        assertThat(unguarded).as("routes answering without a session").isEmpty();
    }

    private java.util.List<JsonNode> thread(String cookie, String root) throws Exception {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        json.readTree(call("GET", "/api/channels/research/messages", cookie, null)
                        .body())
                .forEach(m -> {
                    if (m.path("threadId").asText().equals(root)) {
                        out.add(m);
                    }
                });
        return out;
    }
}
