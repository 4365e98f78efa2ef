package org.mlrcopilot.bot.store;

import java.sql.SQLException;
import java.util.Optional;
import org.mlrcopilot.agents.research.StoreUnavailableException;

/** Which failures of the database mean the store cannot be written now, as opposed to a fault in a request. */
public final class StoreFailures {

    private StoreFailures() {}

    /**
     * Why {@code failure} means nothing can be saved now, or empty: a {@link StoreUnavailableException} or a full
     * file system anywhere in its causes, or a database error saying the database is closed, unreachable or out of
     * resources (H2 90098, 90121, 90028, 90031; PostgreSQL classes 08, 53, 57P and 58).
     */
    public static Optional<String> reason(Throwable failure) {
        Optional<String> plain = StoreUnavailableException.reason(failure);
        if (plain.isPresent()) {
            return plain;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && closedOrOutOfResources(sql)) {
                return Optional.of(firstLine(sql.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static boolean closedOrOutOfResources(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        int code = sql.getErrorCode();
        boolean h2 = code == 90098 || code == 90121 || code == 90028 || code == 90031;
        boolean postgres =
                state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.startsWith("58");
        return h2 || postgres;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the database is unavailable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
