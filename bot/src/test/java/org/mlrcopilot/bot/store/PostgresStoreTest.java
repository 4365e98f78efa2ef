package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.research.ResearchStatus;
import org.mlrcopilot.agents.research.Vote;
import org.mlrcopilot.agents.research.VoteCount;
import org.mlrcopilot.config.ConfigLoader;
import org.mlrcopilot.config.Secret;
import org.mlrcopilot.config.StoreConfig;

/** What only PostgreSQL shows: opening from the configuration, clear start-up errors, concurrent upserts. */
class PostgresStoreTest {

    private static TestPostgres.Database database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.available().createDatabase("postgres_store");
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theConfigurationNamesTheDatabaseAndTheReportHidesThePassword() {
        StoreConfig config = ConfigLoader.load(Path.of("does-not-exist"), database.env())
                .config()
                .store();
        try (Store store = Stores.open(config)) {
            assertThat(store.schemaVersion()).isEqualTo("6");
            assertThat(store.description())
                    .isEqualTo("PostgreSQL database " + database.url() + " as " + database.user());
        }
        try (Store again = database.open()) {
            assertThat(again.schemaVersion()).as("migrations are applied once").isEqualTo("6");
            int applied = again.jdbi()
                    .withHandle(
                            h -> h.createQuery("SELECT COUNT(*) FROM flyway_schema_history " + "WHERE version = '1'")
                                    .mapTo(Integer.class)
                                    .one());
            assertThat(applied).isEqualTo(1);
        }
    }

    @Test
    void aWrongPasswordIsAClearErrorThatDoesNotRepeatIt() {
        assertThatThrownBy(() -> Stores.postgres(database.url(), database.user(), Secret.of("not-the-password-42")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the store, PostgreSQL database " + database.url())
                .hasMessageContaining("password authentication failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-password-42"));
    }

    @Test
    void anUnreachableServerIsAClearError() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/mlr";
        assertThatThrownBy(() -> Stores.postgres(url, "mlr", Secret.of("secret-pw")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the store, PostgreSQL database " + url + " as mlr")
                .hasMessageContaining("refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-pw"));
    }

    @Test
    void writersReplacingTheSameRowsAtOnceAllGetThrough() throws Exception {
        try (Store store = database.open("concurrent")) {
            store.save(ResearchStoreTest.research("r-1", ResearchStatus.READY, 0));
            ExecutorService team = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int writer = t;
                done.add(team.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        store.vote(new Vote("r-1", "H1", 1, "voter" + i % 4, writer % 2 == 0 ? 1 : -1));
                        store.save(ResearchStoreTest.research("r-1", ResearchStatus.READY, i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            team.shutdown();
            VoteCount votes = store.votes("r-1", "H1", 1);
            assertThat(votes.up() + votes.down()).isEqualTo(4);
            assertThat(store.recent(10)).hasSize(1);
        }
    }

    @Test
    void aUrlThatIsNotPostgresIsRefused() {
        assertThatThrownBy(() -> Stores.postgres("jdbc:h2:mem:x", "", Secret.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
