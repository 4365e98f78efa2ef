package org.mlrcopilot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.bot.service.ServiceStart;
import org.mlrcopilot.config.ConfigException;
import org.mlrcopilot.config.ConfigLoader;

/**
 * Every request through a real server with raw HTTP (any Host, Origin and Sec-Fetch-Site a browser or an attacker
 * may send): a foreign Host is refused (DNS rebinding), a state-changing request from another site is refused,
 * /metrics needs its token, /healthz stays open; a web chat without sign-in refuses to listen beyond loopback.
 */
class RequestGuardTest {

    @TempDir
    Path dir;

    private WebServer server;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @BeforeEach
    void start() {
        Routes routes = r -> {
            r.get("/api/things", ctx -> WebServer.json(ctx, Map.of("things", 1)));
            r.post("/api/things", ctx -> WebServer.json(ctx, Map.of("made", 1)));
        };
        server = WebServer.start(
                "127.0.0.1",
                0,
                List.of(routes),
                () -> Map.of("status", "ok"),
                metrics,
                new RequestGuard(List.of("127.0.0.1", "mlr.example.org"), "s3cret-token"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String send(String method, String path, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            request.append("Connection: close\r\nContent-Length: 0\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @Test
    void aForeignHostIsRefusedExceptForHealth() throws IOException {
        String port = ":" + server.port();
        assertThat(status(send("GET", "/api/things", "Host: 127.0.0.1" + port))).isEqualTo(200);
        assertThat(status(send("GET", "/api/things", "Host: localhost" + port))).isEqualTo(200);
        assertThat(status(send("GET", "/api/things", "Host: mlr.example.org"))).isEqualTo(200);
        String rebound = send("GET", "/api/things", "Host: attacker.example" + port);
        assertThat(status(rebound)).isEqualTo(421);
        assertThat(rebound).contains("web.allowedHosts");
        assertThat(status(send("GET", "/healthz", "Host: 10.0.0.7" + port))).isEqualTo(200);
    }

    @Test
    void crossSiteStateChangesAreRefusedSameSiteOnesPass() throws IOException {
        String host = "Host: 127.0.0.1:" + server.port();
        assertThat(status(send("POST", "/api/things", host, "Origin: http://127.0.0.1:" + server.port())))
                .isEqualTo(200);
        assertThat(status(send("POST", "/api/things", host)))
                .as("no Origin: not a browser")
                .isEqualTo(200);
        assertThat(status(send("POST", "/api/things", host, "Origin: https://evil.example")))
                .isEqualTo(403);
        assertThat(status(send("POST", "/api/things", host, "Origin: http://127.0.0.1:9999")))
                .as("another port is another site")
                .isEqualTo(403);
        assertThat(status(send("POST", "/api/things", host, "Origin: null"))).isEqualTo(403);
        assertThat(status(send("POST", "/api/things", host, "Sec-Fetch-Site: cross-site")))
                .isEqualTo(403);
        assertThat(status(send("GET", "/api/things", host, "Origin: https://evil.example")))
                .as("reads are not state changes")
                .isEqualTo(200);
    }

    @Test
    void metricsNeedTheToken() throws IOException {
        String host = "Host: 127.0.0.1:" + server.port();
        assertThat(status(send("GET", "/metrics", host))).isEqualTo(401);
        assertThat(status(send("GET", "/metrics", host, "Authorization: Bearer wrong")))
                .isEqualTo(401);
        assertThat(status(send("GET", "/metrics", host, "Authorization: Bearer s3cret-token")))
                .isEqualTo(200);
    }

    @Test
    void withoutSignInTheServiceRefusesToListenBeyondThisMachine() {
        var config = ConfigLoader.load(dir, Map.of("MLR_WEB_BIND_ADDRESS", "0.0.0.0", "MLR_WEB_AUTH", "none"))
                .config();
        assertThatThrownBy(() -> ServiceStart.check(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("web.bindAddress=0.0.0.0")
                .hasMessageContaining("web.auth=proxy");
        ServiceStart.check(ConfigLoader.load(dir, Map.of("MLR_WEB_BIND_ADDRESS", "0.0.0.0", "MLR_WEB_AUTH", "proxy"))
                .config());
        ServiceStart.check(
                ConfigLoader.load(dir, Map.of("MLR_WEB_AUTH", "none")).config());
        ServiceStart.check(ConfigLoader.load(dir, Map.of("MLR_WEB_BIND_ADDRESS", "0.0.0.0"))
                .config());
        org.assertj.core.api.Assertions.assertThat(
                        ConfigLoader.load(dir, Map.of()).config().web().auth())
                .as("sign-in is on out of the box")
                .isEqualTo("local");
    }
}
