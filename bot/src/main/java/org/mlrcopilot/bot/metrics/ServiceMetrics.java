package org.mlrcopilot.bot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.mlrcopilot.agents.usage.Usage;

/**
 * The service's metrics in Prometheus format: inbound events, LLM calls, tokens and cost, runs by outcome, steps,
 * and sandbox durations.
 */
public final class ServiceMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private final Timer ack = Timer.builder("mlr_event_ack")
            .description("inbound event to acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .register(registry);

    public ServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void event(String platform, String type, boolean duplicate) {
        Counter.builder("mlr_events")
                .description("inbound chat events")
                .tag("platform", platform)
                .tag("type", type)
                .tag("duplicate", String.valueOf(duplicate))
                .register(registry)
                .increment();
    }

    public void acknowledged(Duration took) {
        ack.record(took);
    }

    public void llm(Usage usage) {
        String role = usage.role();
        Counter.builder("mlr_llm_calls")
                .tag("role", role)
                .tag("outcome", usage.outcome())
                .register(registry)
                .increment();
        Counter.builder("mlr_llm_tokens")
                .tag("role", role)
                .tag("kind", "input")
                .register(registry)
                .increment(usage.inputTokens());
        Counter.builder("mlr_llm_tokens")
                .tag("role", role)
                .tag("kind", "output")
                .register(registry)
                .increment(usage.outputTokens());
        Counter.builder("mlr_llm_cost_usd").tag("role", role).register(registry).increment(usage.costUsd());
    }

    public void run(String outcome) {
        Counter.builder("mlr_runs")
                .description("finished experiment runs")
                .tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    public void step(String action) {
        Counter.builder("mlr_steps").tag("action", action).register(registry).increment();
    }

    public void sandbox(String backend, Duration took, boolean ok) {
        Timer.builder("mlr_sandbox_run")
                .description("sandboxed executions")
                .tag("backend", backend)
                .tag("ok", String.valueOf(ok))
                .register(registry)
                .record(took);
    }
}
