package org.mlrcopilot.bot.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mlrcopilot.config.Secret;

/**
 * The PostgreSQL server the tests use, named by MLR_TEST_POSTGRES_URL, MLR_TEST_POSTGRES_USER and
 * MLR_TEST_POSTGRES_PASSWORD (or the system properties mlr.testPostgresUrl, ...User, ...Password); by default what
 * {@code .ci/postgres.sh} sets up: jdbc:postgresql://localhost:5432/mlr_test as mlr, password mlr. Each test class
 * (or test) gets a database of its own, dropped afterwards. When the server is absent the tests that need it are
 * skipped, unless -Dmlr.requirePostgres=true or REQUIRE_POSTGRES=true (CI sets it): then they fail.
 */
public final class TestPostgres {

    private static Optional<String> unreachable;

    private final String url;
    private final String user;
    private final String password;

    private TestPostgres() {
        this.url = setting("mlr.testPostgresUrl", "MLR_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/mlr_test");
        this.user = setting("mlr.testPostgresUser", "MLR_TEST_POSTGRES_USER", "mlr");
        this.password = setting("mlr.testPostgresPassword", "MLR_TEST_POSTGRES_PASSWORD", "mlr");
    }

    public static boolean required() {
        return Boolean.getBoolean("mlr.requirePostgres") || "true".equalsIgnoreCase(System.getenv("REQUIRE_POSTGRES"));
    }

    public static TestPostgres server() {
        return new TestPostgres();
    }

    /** Why the server cannot be used, or empty when it answers (asked once per test JVM). */
    public static synchronized Optional<String> unreachable() {
        if (unreachable == null) {
            TestPostgres server = server();
            try (Connection c = server.connect()) {
                unreachable = Optional.empty();
            } catch (SQLException e) {
                unreachable = Optional.of("PostgreSQL at " + server.url + " as " + server.user + ": " + e.getMessage()
                        + " (run .ci/postgres.sh, or set MLR_TEST_POSTGRES_URL, _USER and _PASSWORD)");
            }
        }
        return unreachable;
    }

    /** Returns when the server answers; otherwise skips the test, or fails it when PostgreSQL is required. */
    public static TestPostgres available() {
        unreachable().ifPresent(why -> {
            if (required()) {
                org.junit.jupiter.api.Assertions.fail("PostgreSQL is required (mlr.requirePostgres=true) but " + why);
            }
            org.junit.jupiter.api.Assumptions.abort("no PostgreSQL: " + why);
        });
        return server();
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** A new, empty database named after {@code label}; closing it drops it. */
    public Database createDatabase(String label) {
        String name = ("mlr_" + label.replaceAll("[^A-Za-z0-9]", "_") + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        name = name.length() > 60 ? name.substring(0, 51) + name.substring(name.length() - 9) : name;
        execute("CREATE DATABASE " + name);
        return new Database(this, name);
    }

    private void execute(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A database of the test server: its URL, a store on it (or on one of its schemas), its settings. */
    public record Database(TestPostgres server, String name) implements AutoCloseable {

        public String url() {
            String base = server.url.replaceFirst("\\?.*", "");
            return base.substring(0, base.lastIndexOf('/') + 1) + name;
        }

        public Store open() {
            return Stores.postgres(url(), server.user, Secret.of(server.password));
        }

        /** A store in schema {@code schema} of this database, created if missing. */
        public Store open(String schema) {
            try (Connection c = DriverManager.getConnection(url(), server.user, server.password);
                    Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
            }
            return Stores.postgres(url() + "?currentSchema=" + schema, server.user, Secret.of(server.password));
        }

        public String user() {
            return server.user;
        }

        /** The settings that point the service at this database, as environment variables. */
        public Map<String, String> env() {
            return Map.of("MLR_STORE_URL", url(), "MLR_STORE_USER", server.user, "MLR_STORE_PASSWORD", server.password);
        }

        /**
         * Drops the database, ending the sessions still on it. A session the server cannot end for this role (an
         * autovacuum worker that just started on the new database, owned by no role) ends on its own within seconds:
         * the drop is tried again for up to 30 s.
         */
        @Override
        public void close() {
            String drop = "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
            try {
                org.awaitility.Awaitility.await("dropping " + name)
                        .atMost(java.time.Duration.ofSeconds(30))
                        .pollInterval(java.time.Duration.ofMillis(250))
                        .ignoreExceptions()
                        .until(() -> {
                            server.execute(drop);
                            return true;
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                server.execute(drop);
            }
        }
    }
}
