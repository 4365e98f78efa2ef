package org.mlrcopilot.bot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The database under the store, with its connection pool: an embedded H2 database (one connection kept open so
 * the database is not reopened for every statement) or a PostgreSQL server.
 */
final class StoreDatabase implements AutoCloseable {

    private final Dialect dialect;
    private final DataSource pool;
    private final String description;
    private final AutoCloseable resources;

    private StoreDatabase(Dialect dialect, DataSource pool, String description, AutoCloseable resources) {
        this.dialect = dialect;
        this.pool = pool;
        this.description = description;
        this.resources = resources;
    }

    static StoreDatabase h2(String url, String description) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        Connection keepOpen;
        try {
            keepOpen = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + description + ": " + e.getMessage(), e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(dataSource);
        pool.setMaxConnections(16);
        return new StoreDatabase(Dialect.H2, pool, description, () -> {
            pool.dispose();
            keepOpen.close();
        });
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
            return new StoreDatabase(Dialect.POSTGRESQL, pool, description, pool::close);
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
