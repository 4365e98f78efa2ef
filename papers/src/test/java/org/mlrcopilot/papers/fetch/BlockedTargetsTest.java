package org.mlrcopilot.papers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlrcopilot.agents.fetch.FetchException;

class BlockedTargetsTest {

    private final MockWebServer server = LocalServer.start();
    private final RecordingSockets sockets = new RecordingSockets();
    private GuardedHttpClient client;

    @BeforeEach
    void setUp() {
        server.enqueue(new MockResponse().setBody("secret"));
        client = guarded(
                ClientHooks.defaults().withResolver(BlockedTargetsTest::resolve).withSocketFactory(sockets));
    }

    @AfterEach
    void tearDown() {
        client.close();
        LocalServer.close(server);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:%d/",
                "http://localhost:%d/",
                "http://[::1]:%d/",
                "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/",
                "http://100.64.0.1/",
                "http://[fc00::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://0.0.0.0/",
                "http://[::]/",
                "http://2130706433:%d/",
                "http://0x7f.0.0.1:%d/",
                "http://0177.0.0.1:%d/",
                "http://127.1:%d/",
                "http://127.0.0.1.:%d/",
                "http://017700000001:%d/",
                "http://[::ffff:7f00:1]:%d/",
                "http://[64:ff9b::7f00:1]/",
                "http://[fe80::1]/",
                "http://192.168.1.1/",
                "http://172.16.0.1/",
                "http://224.0.0.1/",
                "http://255.255.255.255/",
                "http://198.18.0.1/",
                "http://240.0.0.1/",
                "http://[ff02::1]/",
                "https://127.0.0.1:%d/",
                "http://LOCALHOST:%d/",
                "http://api.localhost:%d/"
            })
    void blockedTargetsNeverGetAConnection(String template) {
        URI uri = URI.create(String.format(template, server.getPort()));

        assertBlocked(uri, "only public internet addresses can be fetched");
        assertThat(sockets.connects).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void privateAddressesAllowedStillRefuseLinkLocalMetadata() throws Exception {
        try (GuardedHttpClient onPremise = new GuardedHttpClient(
                LocalServer.policy().withAllowPrivateAddresses(true),
                ClientHooks.defaults().withResolver(BlockedTargetsTest::resolve).withSocketFactory(sockets))) {
            for (String uri : List.of(
                    "http://169.254.169.254/latest/meta-data",
                    "http://metadata.test/",
                    "http://[fe80::1]/",
                    "http://[::ffff:169.254.169.254]/")) {
                assertThatThrownBy(() -> onPremise.get(FetchRequest.get(uri)))
                        .isInstanceOfSatisfying(FetchException.class, e -> {
                            assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS);
                            assertThat(e.getMessage()).contains("link-local");
                        });
            }
            assertThat(sockets.connects).isEmpty();
            assertThat(onPremise
                            .get(FetchRequest.get(LocalServer.uri(server, "127.0.0.1", "/private")))
                            .status())
                    .as("a private address itself is allowed then")
                    .isEqualTo(200);
        }
    }

    @Test
    void literalRefusalNamesTheAddressAndItsKind() {
        assertBlocked(
                URI.create("http://169.254.169.254/latest/meta-data"),
                "refused: 169.254.169.254 is the cloud metadata address");
        assertBlocked(URI.create("http://2130706433/"), "refused: 2130706433 is 127.0.0.1, a loopback address");
    }

    @Test
    void namesResolvingToBlockedAddressesAreRefusedAtResolution() {
        assertBlocked(
                uri("evil.test"),
                "refused: evil.test resolves to 127.0.0.1, a loopback address; "
                        + "only public internet addresses can be fetched");
        assertBlocked(uri("metadata.test"), "resolves to 169.254.169.254");
        assertBlocked(uri("v6.test"), "a loopback address");
        assertBlocked(uri("mixed.test"), "resolves to 10.0.0.5, a private address");
        assertThat(sockets.connects).isEmpty();
    }

    @Test
    void unknownNamesAreUnknownHosts() {
        assertThatThrownBy(() -> client.get(FetchRequest.get(uri("nowhere.test"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.UNKNOWN_HOST);
                    assertThat(e.getMessage()).contains("nowhere.test");
                });
        assertThat(sockets.connects).isEmpty();
    }

    @Test
    void aConnectionThatLandsOnABlockedPeerIsRefusedBeforeTheRequest() {
        RecordingSockets diverting = new RecordingSockets(LocalServer.endpoint(server));
        try (GuardedHttpClient rebound = guarded(
                ClientHooks.defaults().withResolver(BlockedTargetsTest::resolve).withSocketFactory(diverting))) {
            assertThatThrownBy(() -> rebound.get(FetchRequest.get(uri("rebind.test"))))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS);
                        assertThat(e.getMessage()).contains("rebind.test connected to 127.0.0.1, a loopback address");
                    });
        }
        assertThat(diverting.connects).hasSize(1);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theSameDivertedConnectionGoesThroughWhenThePeerIsTrusted() {
        RecordingSockets diverting = new RecordingSockets(LocalServer.endpoint(server));
        try (GuardedHttpClient rebound = guarded(ClientHooks.defaults()
                .withResolver(BlockedTargetsTest::resolve)
                .withSocketFactory(diverting)
                .withTrustedEndpoints(Set.of(LocalServer.endpoint(server))))) {
            assertThat(rebound.get(FetchRequest.get(uri("rebind.test"))).text()).isEqualTo("secret");
        }
    }

    @Test
    void peerCheckRefusesBlockedAndTrustsOnlyExactEndpoints() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AddressGuard guard = new AddressGuard(false, Set.of(new java.net.InetSocketAddress(loopback, 8080)));

        guard.checkPeer("ok.test", loopback, 8080);
        guard.checkPeer("ok.test", InetAddress.getByName("8.8.8.8"), 443);
        assertThatThrownBy(() -> guard.checkPeer("x.test", loopback, 8081))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("x.test connected to 127.0.0.1");
        assertThatThrownBy(() -> guard.checkResolved("x.test", List.of(loopback)))
                .isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void allowingPrivateAddressesReachesTheLocalServer() {
        try (GuardedHttpClient open = new GuardedHttpClient(
                LocalServer.policy(), ClientHooks.defaults().withSocketFactory(sockets))) {
            Fetched fetched = open.get(FetchRequest.get(LocalServer.uri(server, "localhost", "/")));

            assertThat(fetched.text()).isEqualTo("secret");
            assertThat(sockets.connects).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "gopher://example.com/1",
                "ftp://example.com/paper.pdf",
                "jar:file:/tmp/x.jar!/a",
                "data:text/plain,hi",
                "mailto:a@example.com",
                "javascript:alert(1)"
            })
    void otherSchemesAreUnsupported(String link) {
        String scheme = link.substring(0, link.indexOf(':'));
        assertThatThrownBy(() -> client.get(FetchRequest.get(link))).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.kind()).isEqualTo(FetchException.Kind.UNSUPPORTED_SCHEME);
            assertThat(e.getMessage()).contains(scheme + ":").contains("only http and https links");
        });
        assertThat(sockets.connects).isEmpty();
    }

    @Test
    void schemeLessAndUserInfoLinksAreRefused() {
        assertThatThrownBy(() -> client.get(FetchRequest.get("example.com/paper.pdf")))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.UNSUPPORTED_SCHEME));
        assertThatThrownBy(() -> client.get(FetchRequest.get("http://arxiv.org@evil.test/")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.UNSUPPORTED_SCHEME);
                    assertThat(e.getMessage()).contains("user@host");
                });
        assertThat(sockets.connects).isEmpty();
    }

    @Test
    void numericHostsThatAreNoAddressAreRefused() {
        assertThatThrownBy(() -> client.get(FetchRequest.get("http://1.2.3.4.5/")))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.UNKNOWN_HOST));
    }

    private GuardedHttpClient guarded(ClientHooks hooks) {
        return new GuardedHttpClient(LocalServer.policy().withAllowPrivateAddresses(false), hooks);
    }

    private void assertBlocked(URI uri, String message) {
        assertThatThrownBy(() -> client.get(FetchRequest.get(uri))).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private URI uri(String host) {
        return LocalServer.uri(server, host, "/");
    }

    static List<InetAddress> resolve(String host) {
        Map<String, String[]> names = Map.of(
                "evil.test", new String[] {"127.0.0.1"},
                "metadata.test", new String[] {"169.254.169.254"},
                "v6.test", new String[] {"::1"},
                "mixed.test", new String[] {"93.184.216.34", "10.0.0.5"},
                "rebind.test", new String[] {"93.184.216.34"});
        return java.util.Arrays.stream(names.getOrDefault(host, new String[0]))
                .map(BlockedTargetsTest::address)
                .toList();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
