package org.mlrcopilot.papers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.fetch.FetchException;

/** A POST goes out with its body and type, under the same guard; 4xx answers are returned only when asked for. */
class PostTest {

    private final MockWebServer server = LocalServer.start();
    private GuardedHttpClient client;
    private URI uri;

    @BeforeEach
    void setUp() {
        client = new GuardedHttpClient(
                LocalServer.policy().withAllowPrivateAddresses(false),
                ClientHooks.defaults()
                        .withResolver(BlockedTargetsTest::resolve)
                        .withTrustedEndpoints(Set.of(LocalServer.endpoint(server))));
        uri = LocalServer.uri(server, "127.0.0.1", "/token");
    }

    @AfterEach
    void tearDown() {
        client.close();
        LocalServer.close(server);
    }

    @Test
    void thePostCarriesItsBodyAndContentType() throws Exception {
        server.enqueue(
                new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"ok\":true}"));

        Fetched fetched = client.get(FetchRequest.post(
                uri,
                "application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=abc".getBytes(StandardCharsets.UTF_8)));

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sent.getBody().readUtf8()).isEqualTo("grant_type=authorization_code&code=abc");
        assertThat(fetched.text()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void anErrorAnswerIsReturnedOnlyWhenAskedFor() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":\"invalid_grant\"}"));
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":\"invalid_grant\"}"));
        FetchRequest post = FetchRequest.post(uri, "application/x-www-form-urlencoded", new byte[0]);

        assertThatThrownBy(() -> client.get(post))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.status()).isEqualTo(400));
        Fetched answered = client.get(post.withErrorAnswers());
        assertThat(answered.status()).isEqualTo(400);
        assertThat(answered.text()).contains("invalid_grant");
    }

    @Test
    void aPostIsNotRedirected() {
        server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", uri.resolve("/elsewhere")));

        assertThatThrownBy(() -> client.get(FetchRequest.post(uri, "text/plain", new byte[] {1})))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REDIRECT));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPostToABlockedAddressNeverLeaves() {
        assertThatThrownBy(() -> client.get(
                        FetchRequest.post(URI.create("http://10.0.0.1/token"), "text/plain", new byte[] {1})))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
    }
}
