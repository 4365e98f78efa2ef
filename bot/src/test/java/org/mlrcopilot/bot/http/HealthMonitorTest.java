package org.mlrcopilot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The health checks on their own thread: /healthz reads the last result and never waits for a hanging check. */
class HealthMonitorTest {

    /** A clock the test moves. */
    private static final class Moved extends Clock {
        private volatile Instant now = Instant.parse("2026-12-04T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aHangingCheckLeavesTheLastResultUntilItIsStaleThenFailing() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch hanging = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Moved clock = new Moved();
        try (HealthMonitor monitor = new HealthMonitor(
                () -> {
                    if (calls.incrementAndGet() == 1) {
                        return Map.of("status", "ok", "schema", "6");
                    }
                    hanging.countDown();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Map.of("status", "ok");
                },
                clock,
                Duration.ofMillis(20),
                Duration.ofSeconds(6))) {

            assertThat(monitor.get()).containsEntry("status", "ok").containsEntry("schema", "6");
            await().atMost(Duration.ofSeconds(10)).until(() -> hanging.getCount() == 0);
            assertThat(monitor.get()).as("still fresh").containsEntry("status", "ok");

            clock.now = clock.now.plusSeconds(7);
            Map<String, Object> stale = monitor.get();
            assertThat(stale).containsEntry("status", "failing").containsEntry("schema", "6");
            assertThat(stale.get("failing").toString()).contains("health=the checks have not finished for 7 s");
        } finally {
            never.countDown();
        }
    }

    @Test
    void aCheckThatThrowsIsAFailingHealthNotALostThread() {
        AtomicInteger calls = new AtomicInteger();
        try (HealthMonitor monitor = new HealthMonitor(
                () -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new IllegalStateException("the database is closed");
                    }
                    return Map.of("status", "ok");
                },
                Clock.systemUTC(),
                Duration.ofMillis(20),
                Duration.ofSeconds(6))) {

            assertThat(monitor.get()).containsEntry("status", "failing");
            assertThat(monitor.get().get("failing").toString()).contains("the database is closed");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "ok".equals(monitor.get().get("status")));
        }
    }
}
