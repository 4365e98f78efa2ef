package org.mlrcopilot.bot.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import org.mlrcopilot.agents.setup.TableConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parquet to CSV on the host with DuckDB (in-process, no extension downloads): the sandbox image has no Parquet
 * reader. Files over the row budget are sampled (reservoir, fixed seed).
 */
public final class ParquetTables implements TableConverter {

    private static final Logger LOG = LoggerFactory.getLogger(ParquetTables.class);
    private static final int SEED = 20240827;

    @Override
    public Optional<Converted> toCsv(Path parquet, int maxRows) {
        String name = parquet.getFileName().toString();
        Path csv = parquet.resolveSibling(name.substring(0, name.length() - ".parquet".length()) + ".csv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            String source = "read_parquet(" + literal(parquet) + ")";
            long rows;
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + source)) {
                r.next();
                rows = r.getLong(1);
            }
            String sample =
                    rows > maxRows ? " USING SAMPLE reservoir(" + maxRows + " ROWS) REPEATABLE (" + SEED + ")" : "";
            s.execute("COPY (SELECT * FROM " + source + sample + ") TO " + literal(csv) + " (HEADER, DELIMITER ',')");
            return Optional.of(new Converted(
                    csv,
                    rows > maxRows
                            ? Optional.of(String.format(
                                    Locale.ROOT,
                                    "%s converted to CSV, sampled to %,d of %,d rows (seed %d)",
                                    name,
                                    maxRows,
                                    rows,
                                    SEED))
                            : Optional.of(name + " converted to CSV")));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("cannot convert {} to CSV: {}", parquet, e.toString());
            return Optional.empty();
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
