package org.mlrcopilot.bot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.LoggerFactory;

/**
 * The database under the store, with its connection pool: an embedded H2 database (one connection kept open so
 * the database is not reopened for every statement) or a PostgreSQL server.
 */
final class StoreDatabase implements AutoCloseable {

    private final Dialect dialect;
    private final DataSource pool;
    private final String description;
    private final AutoCloseable resources;
    /** Opens the connection that keeps an H2 database open again when it was lost; nothing on PostgreSQL. */
    private final Runnable renew;

    private StoreDatabase(
            Dialect dialect, DataSource pool, String description, AutoCloseable resources, Runnable renew) {
        this.dialect = dialect;
        this.pool = pool;
        this.description = description;
        this.resources = resources;
        this.renew = renew;
    }

    static StoreDatabase h2(String url, String description) {
        return h2(url, "", description);
    }

    /** An H2 database signed in to as its administrator (user "") with {@code password}. */
    static StoreDatabase h2(String url, String password, String description) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("");
        dataSource.setPassword(password);
        AtomicReference<Connection> keepOpen = new AtomicReference<>();
        try {
            keepOpen.set(dataSource.getConnection());
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + description + ": " + e.getMessage(), e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(dataSource);
        pool.setMaxConnections(16);
        // H2 closes a database whose file it could not write (a full disk); the next connection opens it again
        // from what was last written whole, so only the connection that kept it open needs replacing
        Runnable renew = () -> {
            synchronized (keepOpen) {
                try {
                    if (!keepOpen.get().isValid(1)) {
                        keepOpen.get().close();
                        keepOpen.set(dataSource.getConnection());
                    }
                } catch (SQLException e) {
                    LoggerFactory.getLogger("mlr.store").warn("cannot open the H2 database again: " + e.getMessage());
                }
            }
        };
        return new StoreDatabase(
                Dialect.H2,
                pool,
                description,
                () -> {
                    pool.dispose();
                    keepOpen.get().close();
                },
                renew);
    }

    /**
     * Connects at once, so an unreachable server or a refused sign-in fails here with the server's reason. Every
     * connection commits synchronously: a commit returns only once it is on the server's disk.
     */
    static StoreDatabase postgres(String url, String user, String password) {
        String description = "PostgreSQL database " + withoutParameters(url) + (user.isEmpty() ? "" : " as " + user);
        HikariConfig config = new HikariConfig();
        config.setPoolName("mlr-store");
        config.setJdbcUrl(url);
        config.setUsername(user.isEmpty() ? null : user);
        config.setPassword(password.isEmpty() ? null : password);
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(10_000);
        config.setConnectionInitSql("SET synchronous_commit = on");
        try {
            HikariDataSource pool = new HikariDataSource(config);
            return new StoreDatabase(Dialect.POSTGRESQL, pool, description, pool::close, () -> {});
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store, " + description + ": " + reason(e), e);
        }
    }

    /** The URL without its parameters, which are the only place a password could hide. */
    static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** After a write succeeded again: on H2, the connection that keeps the database open, opened again if lost. */
    void renew() {
        renew.run();
    }

    Dialect dialect() {
        return dialect;
    }

    DataSource pool() {
        return pool;
    }

    /** Where the data lives, for the start-up report: no password. */
    String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new StoreException("cannot close the store: " + e.getMessage(), e);
        }
    }
}
