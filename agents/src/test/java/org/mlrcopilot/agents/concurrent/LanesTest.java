package org.mlrcopilot.agents.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A research's lane keeps serving whatever one of its tasks throws. */
class LanesTest {

    @Test
    void aTaskThatThrowsAnErrorDoesNotEndTheLane() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> errors = new CopyOnWriteArrayList<>();
        List<String> ran = new CopyOnWriteArrayList<>();
        try {
            Lanes lanes = new Lanes(pool, (lane, e) -> errors.add(e.getMessage()));
            lanes.submit("r-1", () -> {
                throw new StackOverflowError("a deeply nested document");
            });
            lanes.submit("r-1", () -> {
                throw new IllegalStateException("a plain failure");
            });
            lanes.submit("r-1", () -> ran.add("after both"));
            lanes.idle("r-1").get(10, TimeUnit.SECONDS);
            assertThat(ran).containsExactly("after both");
            assertThat(errors)
                    .hasSize(2)
                    .anySatisfy(m -> assertThat(m).contains("StackOverflowError"))
                    .contains("a plain failure");
        } finally {
            pool.shutdownNow();
        }
    }
}
