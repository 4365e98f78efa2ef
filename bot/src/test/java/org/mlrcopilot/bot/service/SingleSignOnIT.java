package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlrcopilot.bot.testing.FakeOidcProvider;
import org.mlrcopilot.bot.testing.FakeOidcProvider.Tamper;

/**
 * Single sign-on over real HTTP against an OpenID Connect provider at the wire: the browser's redirects are followed
 * by hand (start -> provider -> callback), so every hop can be checked. A good sign-in makes a session for the
 * provider's subject; a wrong issuer, audience, nonce, an expired token, a bad signature, an unsigned token, a foreign
 * e-mail domain, an unverified address, another workspace, a callback from another browser and a replayed callback
 * all end without a session.
 */
class SingleSignOnIT {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private final FakeOidcProvider provider = new FakeOidcProvider("mlr-bot", "s3cret/with:chars");

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private BotService service;
    private final ByteArrayOutputStream report = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        fixture = new ServiceFixture(
                dir,
                Map.of(
                        "MLR_WEB_AUTH",
                        "local",
                        "MLR_WEB_OIDC_ISSUER",
                        provider.issuer(),
                        "MLR_WEB_OIDC_CLIENT_ID",
                        "mlr-bot",
                        "MLR_OIDC_CLIENT_SECRET",
                        "s3cret/with:chars",
                        "MLR_WEB_OIDC_LABEL",
                        "Slack",
                        "MLR_WEB_OIDC_ALLOWED_DOMAINS",
                        "example.org",
                        "MLR_WEB_OIDC_REQUIRED_CLAIM",
                        "https://slack.com/team_id=T0LAB",
                        "MLR_WEB_OIDC_ALLOW_PRIVATE_ADDRESSES",
                        "true"));
        service = fixture.start(report);
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        fixture.close();
        provider.close();
    }

    private String base() {
        return "http://localhost:" + service.port();
    }

    private HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
                .filter(v -> !v.isEmpty())
                .findFirst();
    }

    /** What the browser holds after one sign-in: the last answer (the callback's) and the session, if any. */
    private record Outcome(HttpResponse<String> callback, Optional<String> session, URI authorize) {}

    private Outcome signIn() throws Exception {
        HttpResponse<String> started = get(base() + "/api/auth/oidc/start", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String state = cookie(started, "mlr_sso_state").orElseThrow();
        assertThat(started.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        URI authorize = URI.create(started.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> atProvider = get(authorize.toString(), null);
        assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
        String back = atProvider.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(base() + "/api/auth/oidc/callback?");
        HttpResponse<String> callback = get(back, "mlr_sso_state=" + state);
        return new Outcome(callback, cookie(callback, "mlr_session"), authorize);
    }

    @Test
    void aPersonSignsInThroughTheProviderWithPkceAndTheirSessionActsAsThem() throws Exception {
        JsonNode providers =
                json.readTree(get(base() + "/api/auth/providers", null).body());
        assertThat(providers.path("sso").path("label").asText()).isEqualTo("Slack");

        Outcome first = signIn();
        Map<String, String> asked = FakeOidcProvider.query(first.authorize());
        assertThat(asked)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "mlr-bot")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", base() + "/api/auth/oidc/callback")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(asked.get("scope").split(" ")).contains("openid", "email", "profile");
        assertThat(first.callback().statusCode()).as(first.callback().body()).isEqualTo(302);
        assertThat(first.callback().headers().firstValue("Location")).hasValue("/");
        String session = first.session().orElseThrow();

        Map<String, String> exchanged = provider.tokenRequests.get(0);
        assertThat(exchanged)
                .containsEntry("grant_type", "authorization_code")
                .containsKey("code_verifier")
                .doesNotContainKey("client_secret");
        assertThat(provider.tokenAuthorizations.get(0))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString("mlr-bot:s3cret%2Fwith%3Achars".getBytes(StandardCharsets.UTF_8)));

        JsonNode me = json.readTree(
                get(base() + "/api/auth/me", "mlr_session=" + session).body());
        assertThat(me.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(me.path("role").asText()).isEqualTo("member");
        assertThat(get(base() + "/api/channels", "mlr_session=" + session).statusCode())
                .isEqualTo(200);

        Outcome again = signIn();
        String second = again.session().orElseThrow();
        assertThat(second).as("a new session at every sign-in").isNotEqualTo(session);
        assertThat(json.readTree(get(base() + "/api/auth/me", "mlr_session=" + second)
                                .body())
                        .path("id")
                        .asText())
                .as("the same subject is the same person")
                .isEqualTo(me.path("id").asText());
        assertThat(get(base() + "/api/auth/me", "mlr_session=" + session).statusCode())
                .as("the earlier session stays until it ends")
                .isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(value = Tamper.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aWrongIdTokenIsRefused(Tamper tamper) throws Exception {
        provider.tamper = tamper;

        Outcome outcome = signIn();

        assertThat(outcome.callback().statusCode())
                .as(outcome.callback().body())
                .isEqualTo(401);
        assertThat(outcome.callback().body()).contains("ID token was refused");
        assertThat(outcome.session()).isEmpty();
    }

    @Test
    void peopleOutsideTheAllowedDomainOrWorkspaceOrWithoutAVerifiedAddressAreRefused() throws Exception {
        provider.nextPerson = FakeOidcProvider.person("u-2", "Mallory", "mallory@elsewhere.example", true);
        Outcome foreign = signIn();
        assertThat(foreign.callback().statusCode()).isEqualTo(403);
        assertThat(foreign.callback().body()).contains("admits people of example.org only");
        assertThat(foreign.session()).isEmpty();

        provider.nextPerson = FakeOidcProvider.person("u-3", "Eve", "eve@example.org", false);
        Outcome unverified = signIn();
        assertThat(unverified.callback().statusCode()).isEqualTo(403);
        assertThat(unverified.session()).isEmpty();

        FakeOidcProvider.SignedInPerson otherTeam = FakeOidcProvider.person("u-4", "Trent", "trent@example.org", true);
        otherTeam.claims().put("https://slack.com/team_id", "T0OTHER");
        provider.nextPerson = otherTeam;
        Outcome elsewhere = signIn();
        assertThat(elsewhere.callback().statusCode()).isEqualTo(403);
        assertThat(elsewhere.callback().body()).contains("https://slack.com/team_id=T0LAB");
        assertThat(elsewhere.session()).isEmpty();
    }

    @Test
    void aCallbackFromAnotherBrowserOrASecondTimeIsRefused() throws Exception {
        HttpResponse<String> started = get(base() + "/api/auth/oidc/start", null);
        String state = cookie(started, "mlr_sso_state").orElseThrow();
        String back = get(started.headers().firstValue("Location").orElseThrow(), null)
                .headers()
                .firstValue("Location")
                .orElseThrow();

        HttpResponse<String> otherBrowser = get(back, "mlr_sso_state=someone-elses");
        assertThat(otherBrowser.statusCode()).isEqualTo(400);
        assertThat(cookie(otherBrowser, "mlr_session")).isEmpty();
        assertThat(provider.tokenRequests)
                .as("no code is exchanged for a foreign browser")
                .isEmpty();

        HttpResponse<String> ok = get(back, "mlr_sso_state=" + state);
        assertThat(ok.statusCode()).isEqualTo(302);
        HttpResponse<String> replay = get(back, "mlr_sso_state=" + state);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(cookie(replay, "mlr_session")).isEmpty();
    }

    @Test
    void signInsThroughTheProviderAreAudited() throws Exception {
        signIn();
        provider.tamper = Tamper.BAD_SIGNATURE;
        signIn();
        String log = service.store().audit().recent(20).toString();
        assertThat(log)
                .contains("sign-in")
                .contains("single sign-on")
                .contains("sign-in failed")
                .doesNotContain("s3cret");
    }
}
