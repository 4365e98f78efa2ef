package org.mlrcopilot.bot.store;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What differs between the two databases the store runs on: the words for "insert or replace" and identities. */
enum Dialect {

    /** H2's own {@code MERGE ... KEY}: the statement the store has always used there. */
    H2("h2") {
        @Override
        String upsert(String table, String columns, String keys, String values) {
            return "MERGE INTO " + table + " (" + columns + ") KEY (" + keys + ") VALUES (" + values + ")";
        }

        @Override
        String restartIdentity(String table, String column, long next) {
            return "ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next;
        }
    },

    /** {@code INSERT ... ON CONFLICT DO UPDATE}: atomic even when two writers upsert the same key at once. */
    POSTGRESQL("postgresql") {
        @Override
        String upsert(String table, String columns, String keys, String values) {
            List<String> keyList = split(keys);
            String updates = split(columns).stream()
                    .filter(c -> !keyList.contains(c))
                    .map(c -> c + " = EXCLUDED." + c)
                    .collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT (" + keys + ") "
                    + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + updates);
        }

        @Override
        String restartIdentity(String table, String column, long next) {
            return "SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), " + next + ", false)";
        }
    };

    private final String migrations;

    Dialect(String folder) {
        this.migrations = "classpath:db/migration/" + folder;
    }

    /** Flyway's locations: the migrations both databases share, then this database's own. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", migrations};
    }

    /**
     * Inserts a row, or replaces the non-key columns of the row with the same key. {@code columns} and {@code keys}
     * are comma lists of column names; {@code values} the parameters in the order of {@code columns}.
     */
    abstract String upsert(String table, String columns, String keys, String values);

    /** Makes the identity column hand out {@code next} and up (after rows were copied in with their own ids). */
    abstract String restartIdentity(String table, String column, long next);

    private static List<String> split(String names) {
        return Arrays.stream(names.split(",")).map(String::strip).toList();
    }
}
