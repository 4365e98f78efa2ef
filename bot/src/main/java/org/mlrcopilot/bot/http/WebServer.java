package org.mlrcopilot.bot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The service's one HTTP server (Javalin on Jetty): {@code /healthz}, {@code /metrics} in Prometheus format, and
 * whatever the {@link Routes} contributors add. Errors answer JSON without stack traces; they are logged.
 */
public final class WebServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("mlr.http");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /** Starts on {@code host:port} (0 = any free port). */
    public static WebServer start(String host, int port, List<Routes> contributors,
            Supplier<Map<String, Object>> health, PrometheusMeterRegistry metrics) {
        Javalin app = Javalin.create(config -> {
            config.http.maxRequestSize = 1_000_000;
            config.startup.showJavalinBanner = false;
            config.routes.get("/healthz", ctx -> {
                Map<String, Object> h = health.get();
                json(ctx.status("ok".equals(h.get("status")) ? 200 : 503), h);
            });
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            contributors.forEach(c -> c.register(config.routes));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.log(System.Logger.Level.ERROR, ctx.method() + " " + ctx.path() + " failed", e);
                json(ctx.status(500), Map.of("error", "internal error: " + e.getClass().getSimpleName()));
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    json(ctx, Map.of("error", "not found: " + ctx.path()));
                }
            });
        });
        app.start(host, port);
        return new WebServer(app);
    }

    /** Writes {@code value} as the JSON answer. */
    public static void json(Context ctx, Object value) {
        try {
            ctx.contentType("application/json").result(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
