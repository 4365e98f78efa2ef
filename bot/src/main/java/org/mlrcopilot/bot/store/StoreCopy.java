package org.mlrcopilot.bot.store;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Copies every table of one store into another (an H2 store into PostgreSQL, say): parents before children, all
 * in one transaction on the target, identities continued after the copied rows. Both stores are opened, so both
 * are migrated to the same schema first. A target holding data is refused unless it may be replaced.
 */
public final class StoreCopy {

    /** Every table of the schema, each after the tables it refers to. */
    static final List<String> TABLES = List.of(
            "papers",
            "paper_keys",
            "llm_usage",
            "run_checkpoints",
            "researches",
            "briefs",
            "hypotheses",
            "feedback",
            "votes",
            "runs",
            "run_steps",
            "message_links",
            "processed_events",
            "people",
            "invites",
            "sessions",
            "identities",
            "link_codes",
            "audit");

    private static final int BATCH = 500;

    /** The rows of one table in the source and, after the copy, in the target. */
    public record TableCount(String table, long source, long target) {
        public boolean matches() {
            return source == target;
        }
    }

    private StoreCopy() {}

    /**
     * Copies {@code source} into {@code target} and counts the rows of every table on both sides.
     *
     * @param replace delete what the target holds first; without it a target holding any row is refused
     * @throws StoreException when the target holds data (and {@code replace} is false), or the schemas differ
     */
    public static List<TableCount> copy(Store source, Store target, boolean replace) {
        if (!source.schemaVersion().equals(target.schemaVersion())) {
            throw new StoreException("the stores are at different schema versions: " + source.schemaVersion() + " and "
                    + target.schemaVersion());
        }
        source.jdbi().useHandle(StoreCopy::requireKnownTables);
        try {
            target.jdbi()
                    .useTransaction(to -> source.jdbi().useHandle(from -> {
                        if (replace) {
                            for (String table : reversed()) {
                                to.execute("DELETE FROM " + table);
                            }
                        } else {
                            refuseData(to);
                        }
                        for (String table : TABLES) {
                            copyTable(from.getConnection(), to.getConnection(), table);
                            continueIdentity(to, target.dialect(), table);
                        }
                    }));
        } catch (SQLException e) {
            throw new StoreException("the copy failed and was rolled back: " + e.getMessage(), e);
        }
        List<TableCount> counts = new ArrayList<>();
        for (String table : TABLES) {
            counts.add(new TableCount(table, count(source, table), count(target, table)));
        }
        return counts;
    }

    private static List<String> reversed() {
        List<String> tables = new ArrayList<>(TABLES);
        Collections.reverse(tables);
        return tables;
    }

    private static void requireKnownTables(Handle h) {
        Set<String> found = h.createQuery("SELECT LOWER(table_name) FROM information_schema.tables "
                        + "WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'")
                .mapTo(String.class)
                .collect(Collectors.toCollection(TreeSet::new));
        found.remove("flyway_schema_history");
        if (!found.equals(new TreeSet<>(TABLES))) {
            throw new StoreException("the source store has tables " + found + ", expected " + new TreeSet<>(TABLES));
        }
    }

    private static void refuseData(Handle to) {
        for (String table : TABLES) {
            long rows = to.createQuery("SELECT COUNT(*) FROM " + table)
                    .mapTo(Long.class)
                    .one();
            if (rows > 0) {
                throw new StoreException("the target store is not empty (" + table + " has " + rows
                        + " rows); replace its data with --force");
            }
        }
    }

    private static void copyTable(Connection from, Connection to, String table) throws SQLException {
        try (Statement select = from.createStatement();
                ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                String name = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                names.add(name.equals("key") ? "\"key\"" : name);
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns, "?")) + ")";
            try (PreparedStatement into = to.prepareStatement(insert)) {
                int pending = 0;
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        bind(into, i, rows.getObject(i), meta.getColumnType(i));
                    }
                    into.addBatch();
                    if (++pending == BATCH) {
                        into.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    into.executeBatch();
                }
            }
        }
    }

    /** Large text as text, times to the microsecond (PostgreSQL's precision, cut as the store cuts them). */
    private static void bind(PreparedStatement into, int i, Object value, int sqlType) throws SQLException {
        if (value == null) {
            into.setNull(i, sqlType == Types.CLOB ? Types.VARCHAR : sqlType);
        } else if (value instanceof Clob clob) {
            into.setString(i, clob.getSubString(1, Math.toIntExact(clob.length())));
        } else if (value instanceof OffsetDateTime time) {
            into.setObject(i, time.truncatedTo(ChronoUnit.MICROS));
        } else {
            into.setObject(i, value);
        }
    }

    private static void continueIdentity(Handle to, Dialect dialect, String table) throws SQLException {
        List<String> identities = to.createQuery("SELECT LOWER(column_name) FROM information_schema.columns "
                        + "WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) = :table AND is_identity = 'YES'")
                .bind("table", table)
                .mapTo(String.class)
                .list();
        for (String column : identities) {
            long next = to.createQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)
                    .mapTo(Long.class)
                    .one();
            try (Statement restart = to.getConnection().createStatement()) {
                restart.execute(dialect.restartIdentity(table, column, next));
            }
        }
    }

    private static long count(Store store, String table) {
        return store.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }
}
