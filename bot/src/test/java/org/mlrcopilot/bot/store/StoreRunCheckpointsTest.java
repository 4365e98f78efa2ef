package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlrcopilot.bot.store.Fixtures.state;

import org.mlrcopilot.agents.experiment.RunState;

class StoreRunCheckpointsTest {

    @OnEveryDatabase
    void savedStateComesBack(TestStores stores) {
        try (Store store = stores.open()) {
            RunState state = state("run-1", 3, 0.82);
            store.checkpoints().save(state);
            assertThat(store.checkpoints().load("run-1")).contains(state);
            assertThat(store.checkpoints().load("run-2")).isEmpty();
        }
    }

    @OnEveryDatabase
    void saveReplacesTheEarlierCheckpoint(TestStores stores) {
        try (Store store = stores.open()) {
            store.checkpoints().save(state("run-1", 1, 0.5));
            store.checkpoints().save(state("run-1", 2, 0.6));
            store.checkpoints().save(state("run-other", 9, 0.1));
            assertThat(store.checkpoints().load("run-1")).contains(state("run-1", 2, 0.6));
        }
    }

    @OnEveryDatabase
    void unmeasuredBaselineStaysNaN(TestStores stores) {
        try (Store store = stores.open()) {
            store.checkpoints().save(state("run-1", 0, Double.NaN));
            assertThat(store.checkpoints().load("run-1"))
                    .get()
                    .satisfies(s -> assertThat(s.baseline()).isNaN())
                    .isEqualTo(state("run-1", 0, Double.NaN));
        }
    }

    @OnEveryDatabase
    void survivesARestart(TestStores stores) {
        try (Store store = stores.open()) {
            store.checkpoints().save(state("run-1", 4, Double.NaN));
        }
        try (Store store = stores.open()) {
            assertThat(store.checkpoints().load("run-1")).contains(state("run-1", 4, Double.NaN));
        }
    }
}
