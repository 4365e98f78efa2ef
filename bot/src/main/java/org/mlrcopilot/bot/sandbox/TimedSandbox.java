package org.mlrcopilot.bot.sandbox;

import java.time.Duration;
import java.util.Set;
import org.mlrcopilot.bot.metrics.ServiceMetrics;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.Sandbox;

/** A sandbox whose executions are timed into the service metrics. */
public final class TimedSandbox implements Sandbox {

    private final Sandbox inner;
    private final ServiceMetrics metrics;

    public TimedSandbox(Sandbox inner, ServiceMetrics metrics) {
        this.inner = inner;
        this.metrics = metrics;
    }

    @Override
    public ExecutionResult run(ExecutionRequest request) {
        long started = System.nanoTime();
        boolean ok = false;
        try {
            ExecutionResult result = inner.run(request);
            ok = result.exitCode() == 0;
            return result;
        } finally {
            metrics.sandbox(inner.backend(), Duration.ofNanos(System.nanoTime() - started), ok);
        }
    }

    @Override
    public String backend() {
        return inner.backend();
    }

    @Override
    public Set<Guarantee> guarantees() {
        return inner.guarantees();
    }

    @Override
    public void close() {
        inner.close();
    }
}
