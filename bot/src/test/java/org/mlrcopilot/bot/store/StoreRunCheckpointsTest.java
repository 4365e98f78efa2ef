package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlrcopilot.bot.store.Fixtures.state;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.experiment.RunState;

class StoreRunCheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void savedStateComesBack() {
        try (Store store = Store.inMemory("checkpoints-round-trip")) {
            RunState state = state("run-1", 3, 0.82);
            store.checkpoints().save(state);
            assertThat(store.checkpoints().load("run-1")).contains(state);
            assertThat(store.checkpoints().load("run-2")).isEmpty();
        }
    }

    @Test
    void saveReplacesTheEarlierCheckpoint() {
        try (Store store = Store.inMemory("checkpoints-upsert")) {
            store.checkpoints().save(state("run-1", 1, 0.5));
            store.checkpoints().save(state("run-1", 2, 0.6));
            store.checkpoints().save(state("run-other", 9, 0.1));
            assertThat(store.checkpoints().load("run-1")).contains(state("run-1", 2, 0.6));
        }
    }

    @Test
    void unmeasuredBaselineStaysNaN() {
        try (Store store = Store.inMemory("checkpoints-nan")) {
            store.checkpoints().save(state("run-1", 0, Double.NaN));
            assertThat(store.checkpoints().load("run-1")).get()
                    .satisfies(s -> assertThat(s.baseline()).isNaN())
                    .isEqualTo(state("run-1", 0, Double.NaN));
        }
    }

    @Test
    void survivesARestart() {
        try (Store store = Store.open(dir)) {
            store.checkpoints().save(state("run-1", 4, Double.NaN));
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.checkpoints().load("run-1")).contains(state("run-1", 4, Double.NaN));
        }
    }
}
