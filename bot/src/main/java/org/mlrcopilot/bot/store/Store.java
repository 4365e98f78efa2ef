package org.mlrcopilot.bot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.mlrcopilot.agents.experiment.RunCheckpoints;
import org.mlrcopilot.agents.paper.PaperCache;
import org.mlrcopilot.agents.usage.UsageStore;

/**
 * The service's durable store: an H2 database, migrated by Flyway when opened, behind the
 * {@link PaperCache}, {@link UsageStore} and {@link RunCheckpoints} ports. One connection stays open
 * while the store is, so the database is not reopened for every statement.
 */
public final class Store implements AutoCloseable {

    private final Connection keepOpen;
    private final Flyway flyway;
    private final PaperCache papers;
    private final UsageStore usage;
    private final RunCheckpoints checkpoints;

    private Store(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        this.keepOpen = connect(dataSource);
        try {
            this.flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
            flyway.migrate();
        } catch (RuntimeException e) {
            closeQuietly(keepOpen, e);
            throw e;
        }
        Jdbi jdbi = Jdbi.create(dataSource);
        this.papers = new StorePaperCache(jdbi);
        this.usage = new StoreUsageStore(jdbi);
        this.checkpoints = new StoreRunCheckpoints(jdbi);
    }

    /** The database {@code <dataDir>/mlr} (file {@code mlr.mv.db}), created if missing. */
    public static Store open(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
        return new Store("jdbc:h2:file:" + dir.resolve("mlr") + ";AUTO_SERVER=FALSE");
    }

    /** A database in memory that lives as long as the JVM, shared by every store of the same name. */
    public static Store inMemory(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("in-memory database name must be letters, digits, '_' or '-': " + name);
        }
        return new Store("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    public PaperCache papers() {
        return papers;
    }

    public UsageStore usage() {
        return usage;
    }

    public RunCheckpoints checkpoints() {
        return checkpoints;
    }

    /** The version of the last applied migration, e.g. "1". */
    public String schemaVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? "" : current.getVersion().getVersion();
    }

    @Override
    public void close() {
        try {
            keepOpen.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the store: " + e.getMessage(), e);
        }
    }

    private static Connection connect(JdbcDataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the store " + dataSource.getURL() + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection, RuntimeException cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
