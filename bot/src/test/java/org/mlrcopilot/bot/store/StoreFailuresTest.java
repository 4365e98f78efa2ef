package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.research.StoreUnavailableException;

class StoreFailuresTest {

    @Test
    void anOutageOfTheDatabaseOrTheDiskIsNamed() {
        assertThat(StoreFailures.reason(new IllegalStateException(
                        "jdbi", new SQLException("The database has been closed [90098-232]", "90098", 90098))))
                .contains("The database has been closed [90098-232]");
        assertThat(StoreFailures.reason(new SQLException("could not extend file: No space left", "53100")))
                .isPresent();
        assertThat(StoreFailures.reason(new SQLException("terminating connection", "57P01")))
                .isPresent();
        assertThat(StoreFailures.reason(new RuntimeException(new IOException("No space left on device"))))
                .contains("No space left on device");
        assertThat(StoreFailures.reason(new StoreUnavailableException("cannot write: disk full", null)))
                .contains("cannot write: disk full");
    }

    @Test
    void aFaultOfTheRequestIsNotAnOutage() {
        assertThat(StoreFailures.reason(new SQLException("duplicate key", "23505", 23505)))
                .isEmpty();
        assertThat(StoreFailures.reason(new SQLException("syntax error", "42601")))
                .isEmpty();
        assertThat(StoreFailures.reason(new IOException("Connection reset"))).isEmpty();
        assertThat(StoreFailures.reason(new IllegalArgumentException("no such research")))
                .isEmpty();
    }
}
