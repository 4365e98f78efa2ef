package org.mlrcopilot.bot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.mlrcopilot.agents.research.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's one HTTP server (Javalin on Jetty): {@code GET /healthz} (200, or 503 unless "status" is "ok"),
 * {@code GET /metrics} in Prometheus text format, and whatever the {@link Routes} contributors add. Unknown paths
 * and errors answer JSON {@code {"error": ...}}; exceptions are logged, never shown with their stack trace.
 */
public final class WebServer implements AutoCloseable {

    /** The largest request body any route reads; routes set tighter limits of their own. */
    public static final long MAX_REQUEST_BYTES = 1 << 20;

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger("mlr.http");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /** Starts on {@code host:port} (0 = any free port, see {@link #port()}). */
    public static WebServer start(
            String host,
            int port,
            List<Routes> contributors,
            Supplier<Map<String, Object>> health,
            PrometheusMeterRegistry metrics) {
        return start(host, port, contributors, health, metrics, new RequestGuard(List.of(host), ""));
    }

    /** With the guard every request passes first (Host allow-list, cross-site refusal, the metrics token). */
    public static WebServer start(
            String host,
            int port,
            List<Routes> contributors,
            Supplier<Map<String, Object>> health,
            PrometheusMeterRegistry metrics,
            RequestGuard guard) {
        Javalin app = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.routes.before(guard::check);
            config.startup.showJavalinBanner = false;
            // inbound events wait (off the CPU) for the group commit that makes them durable before they are
            // acknowledged; under a burst hundreds wait at once, and a small pool would queue every other request,
            // /healthz included, behind them
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
            threads.setName("mlr-http");
            config.jetty.threadPool = threads;
            config.routes.get("/healthz", ctx -> {
                Map<String, Object> h = health.get();
                json(ctx.status("ok".equals(h.get("status")) ? 200 : 503), h);
            });
            config.routes.get(
                    "/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
            contributors.forEach(c -> c.register(config.routes));
            errors(config);
        });
        app.start(host, port);
        return new WebServer(app);
    }

    /** Request threads at most: enough for a burst of events waiting for their group commit together. */
    static final int MAX_THREADS = 1000;

    private static void errors(JavalinConfig config) {
        config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        config.routes.exception(StoreUnavailableException.class, (e, ctx) -> {
            LOG.error("a request could not be saved", e);
            error(ctx, 503, "not saved: " + e.getMessage() + "; nothing was done, try again in a moment");
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            java.util.Optional<String> unsaved = org.mlrcopilot.bot.store.StoreFailures.reason(e);
            if (unsaved.isPresent()) {
                LOG.error("a request could not be saved", e);
                error(ctx, 503, "not saved: " + unsaved.get() + "; nothing was done, try again in a moment");
                return;
            }
            LOG.error("a request failed", e);
            error(ctx, 500, "internal error (" + e.getClass().getSimpleName() + "), see the log");
        });
        config.routes.error(404, "*", ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                error(ctx, 404, "not found: " + ctx.path());
            }
        });
    }

    /**
     * Answers {"error": message} unless the answer is already on its way (an event stream) or the request is
     * over (a stream closed after the client left): an error handler that threw would be called again.
     */
    private static void error(Context ctx, int status, String message) {
        try {
            if (!ctx.res().isCommitted()) {
                json(ctx.status(status), Map.of("error", message));
            }
        } catch (RuntimeException e) {
            LOG.debug("cannot answer an error: " + e);
        }
    }

    /** Writes {@code value} as the JSON answer. */
    public static void json(Context ctx, Object value) {
        try {
            ctx.contentType("application/json").result(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Every route, as "METHOD /path" (path parameters in braces), for checks that must cover them all. */
    public java.util.List<String> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .sorted()
                .toList();
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
