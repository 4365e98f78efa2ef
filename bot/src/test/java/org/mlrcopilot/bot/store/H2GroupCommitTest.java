package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.research.StoreUnavailableException;

class H2GroupCommitTest {

    @TempDir
    Path dir;

    /** The disk is full while true: every new connection (and so every checkpoint) fails as H2 would. */
    private volatile boolean full;

    @Test
    void aSyncWhoseCheckpointFailedIsNotAcknowledgedAndTheNextOneIs() {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        Jdbi jdbi = Jdbi.create(() -> {
            if (full) {
                throw new SQLException("No space left on device");
            }
            return DriverManager.getConnection(url, "sa", "");
        });
        H2GroupCommit commit = new H2GroupCommit(jdbi);
        try {
            jdbi.useHandle(h -> h.execute("CREATE TABLE votes (voter VARCHAR(20))"));
            commit.sync();

            full = true;
            assertThatThrownBy(commit::sync)
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("No space left on device");

            full = false;
            commit.sync();
            int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM votes")
                    .mapTo(Integer.class)
                    .one());
            assertThat(rows).as("the database still answers once space returns").isZero();
        } finally {
            commit.close();
        }
    }
}
