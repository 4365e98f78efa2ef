package org.mlrcopilot.papers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlrcopilot.agents.fetch.FetchException;

/** The test server counts as public (a trusted endpoint); everything else is checked as in production. */
class RedirectTest {

    private final MockWebServer server = LocalServer.start();
    private final RecordingSockets sockets = new RecordingSockets();
    private GuardedHttpClient client;
    private URI start;

    @BeforeEach
    void setUp() {
        client = new GuardedHttpClient(
                LocalServer.policy().withAllowPrivateAddresses(false).withMaxRedirects(2),
                ClientHooks.defaults()
                        .withResolver(BlockedTargetsTest::resolve)
                        .withSocketFactory(sockets)
                        .withTrustedEndpoints(Set.of(LocalServer.endpoint(server))));
        start = LocalServer.uri(server, "127.0.0.1", "/start");
    }

    @AfterEach
    void tearDown() {
        client.close();
        LocalServer.close(server);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data",
                "http://localhost/",
                "http://127.0.0.1/",
                "http://[::1]:%d/",
                "http://evil.test:%d/",
                "http://10.0.0.1/admin",
                "http://2130706433/",
                "http://0x7f.1/"
            })
    void aRedirectToABlockedAddressIsRefusedAtTheHop(String location) {
        server.enqueue(redirect(String.format(location, server.getPort())));
        server.enqueue(new MockResponse().setBody("must not be served"));

        assertThatThrownBy(() -> client.get(FetchRequest.get(start)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sockets.connects).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://127.0.0.1:70/", "ftp://example.com/x"})
    void aRedirectToAnotherSchemeIsUnsupported(String location) {
        server.enqueue(redirect(location));

        assertThatThrownBy(() -> client.get(FetchRequest.get(start)))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.UNSUPPORTED_SCHEME));
    }

    @Test
    void relativeLocationsAreResolvedAgainstTheCurrentUri() throws InterruptedException {
        server.enqueue(redirect("next?page=2"));
        server.enqueue(new MockResponse().setBody("arrived"));

        Fetched fetched = client.get(FetchRequest.get(LocalServer.uri(server, "127.0.0.1", "/dir/start")));

        assertThat(fetched.text()).isEqualTo("arrived");
        assertThat(fetched.requested().getPath()).isEqualTo("/dir/start");
        assertThat(fetched.finalUri().toString()).endsWith("/dir/next?page=2");
        server.takeRequest();
        assertThat(server.takeRequest().getPath()).isEqualTo("/dir/next?page=2");
    }

    @Test
    void tooManyRedirectsFail() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(redirect("/again" + i));
        }

        assertThatThrownBy(() -> client.get(FetchRequest.get(start)))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.REDIRECT);
                    assertThat(e.getMessage()).contains("more than 2 times");
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRedirectWithoutLocationFails() {
        server.enqueue(new MockResponse().setResponseCode(302));

        assertThatThrownBy(() -> client.get(FetchRequest.get(start)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REDIRECT));
    }

    @Test
    void everyRedirectStatusIsFollowedByUsNotByTheEngine() {
        for (int code : new int[] {301, 302, 303, 307, 308}) {
            server.enqueue(redirect("/to" + code).setResponseCode(code));
            try (GuardedHttpClient noHops =
                    new GuardedHttpClient(LocalServer.policy().withMaxRedirects(0))) {
                assertThatThrownBy(() -> noHops.get(FetchRequest.get(start)))
                        .isInstanceOfSatisfying(
                                FetchException.class,
                                e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REDIRECT));
            }
            server.enqueue(redirect("/to" + code).setResponseCode(code));
            server.enqueue(new MockResponse().setBody("ok " + code));
            assertThat(client.get(FetchRequest.get(start)).text()).isEqualTo("ok " + code);
        }
    }

    private static MockResponse redirect(String location) {
        return new MockResponse().setResponseCode(302).setHeader("Location", location);
    }
}
