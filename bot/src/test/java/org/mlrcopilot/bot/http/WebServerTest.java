package org.mlrcopilot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP server over real HTTP: health, Prometheus metrics, contributed routes, JSON errors. */
class WebServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Object> health = new LinkedHashMap<>(Map.of("status", "ok", "schema", "2"));
    private WebServer server;

    @BeforeEach
    void start() {
        Routes failing = routes -> {
            routes.get("/boom", ctx -> {
                throw new IllegalStateException("secret detail at com.example.Hidden");
            });
            routes.post("/full", ctx -> {
                throw new org.mlrcopilot.agents.research.StoreUnavailableException(
                        "cannot write to the database file: No space left on device", null);
            });
        };
        Routes hello = routes ->
                routes.get("/hello/{name}", ctx -> WebServer.json(ctx, Map.of("hello", ctx.pathParam("name"))));
        server = WebServer.start("127.0.0.1", 0, List.of(failing, hello), () -> Map.copyOf(health), metrics);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bindsAFreePort() {
        assertThat(server.port()).isPositive();
    }

    @Test
    void healthIsOkThenUnavailable() throws Exception {
        HttpResponse<String> ok = get("/healthz");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(ok.body()).contains("\"status\":\"ok\"").contains("\"schema\":\"2\"");

        health.put("status", "degraded");
        HttpResponse<String> down = get("/healthz");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"degraded\"");
    }

    @Test
    void metricsInPrometheusTextFormat() throws Exception {
        metrics.counter("mlr_test_events", "kind", "demo").increment(3);
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains("# TYPE mlr_test_events_total counter")
                .contains("mlr_test_events_total{kind=\"demo\"} 3.0");
    }

    @Test
    void whatCannotBeSavedIsA503SayingSoNeverAnAcknowledgement() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/full"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body())
                .contains("not saved")
                .contains("No space left on device")
                .contains("try again");
    }

    @Test
    void contributedRoutesAnswer() throws Exception {
        HttpResponse<String> response = get("/hello/ada");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"hello\":\"ada\"}");
    }

    @Test
    void unknownPathIsJson404() throws Exception {
        HttpResponse<String> response = get("/no/such/path");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).startsWith("{\"error\":").contains("/no/such/path");
    }

    @Test
    void handlerExceptionIs500WithoutStackTrace() throws Exception {
        HttpResponse<String> response = get("/boom");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body())
                .startsWith("{\"error\":")
                .doesNotContain("secret detail")
                .doesNotContain("com.example")
                .doesNotContain("\tat ")
                .doesNotContain("Exception:");
    }
}
