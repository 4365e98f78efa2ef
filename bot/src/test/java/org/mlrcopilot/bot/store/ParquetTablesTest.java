package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.setup.TableConverter;

/** Parquet files become CSV on the host with the real DuckDB, sampled to the row budget. */
class ParquetTablesTest {

    @TempDir
    Path tmp;

    private Path parquet(String name, int rows) throws Exception {
        Path file = tmp.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i AS id, 'review ' || i || ', quoted \"text\"' AS text, "
                    + "CASE WHEN i % 2 = 0 THEN 'pos' ELSE 'neg' END AS label FROM range(" + rows + ") t(i)) TO '"
                    + file + "' (FORMAT parquet)");
        }
        return file;
    }

    @Test
    void convertsSmallFilesWhole() throws Exception {
        TableConverter.Converted csv =
                new ParquetTables().toCsv(parquet("train.parquet", 20), 100).orElseThrow();

        assertThat(csv.csv()).isEqualTo(tmp.resolve("train.csv"));
        List<String> lines = Files.readAllLines(csv.csv());
        assertThat(lines).hasSize(21);
        assertThat(lines.get(0)).isEqualTo("id,text,label");
        assertThat(lines.get(1)).isEqualTo("0,\"review 0, quoted \"\"text\"\"\",pos");
        assertThat(csv.note()).hasValueSatisfying(n -> assertThat(n).contains("converted to CSV"));
    }

    @Test
    void samplesLargeFilesRepeatably() throws Exception {
        Path file = parquet("big.parquet", 5000);
        TableConverter.Converted first = new ParquetTables().toCsv(file, 300).orElseThrow();
        List<String> a = Files.readAllLines(first.csv());
        TableConverter.Converted second = new ParquetTables().toCsv(file, 300).orElseThrow();

        assertThat(a).hasSize(301);
        assertThat(Files.readAllLines(second.csv())).isEqualTo(a);
        assertThat(first.note()).hasValueSatisfying(n -> assertThat(n).contains("300 of 5,000 rows"));
    }

    @Test
    void aFileThatIsNotParquetIsNotConverted() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.parquet"), "not parquet at all");
        assertThat(new ParquetTables().toCsv(bad, 100)).isEmpty();
    }
}
