package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    @Test
    void createsTheDatabaseFileInTheDataDirectory() {
        Path data = dir.resolve("nested/data");
        try (Store store = Stores.open(data)) {
            assertThat(store.schemaVersion()).isEqualTo("5");
        }
        assertThat(data.resolve("mlr.mv.db")).isRegularFile();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(uncheckedPermissions(data)))
                .as("a data directory the store creates is its owner's only").isEqualTo("rwx------");
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> uncheckedPermissions(Path p) {
        try {
            return java.nio.file.Files.getPosixFilePermissions(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void migrationsAreAppliedOnceAcrossReopens() throws SQLException {
        try (Store store = Stores.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo("5");
        }
        try (Store store = Stores.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo("5");
        }
        assertThat(appliedMigrations()).isEqualTo(1);
    }

    /**
     * Databases made by earlier versions recorded these checksums; Flyway refuses to open one whose applied
     * migrations changed. A change of SQL for H2 is a new migration, never an edit.
     */
    @Test
    void theH2MigrationsAreTheOnesEarlierVersionsApplied() throws SQLException {
        try (Store store = Stores.open(dir)) {
            assertThat(store.description()).isEqualTo("H2 database in " + dir.toAbsolutePath().normalize());
        }
        Map<String, Integer> checksums = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(h2Url());
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            while (rs.next()) {
                checksums.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(checksums).containsExactlyEntriesOf(new TreeMap<>(Map.of("1", 1990610308, "2", -242300433,
                "3", 869674700, "4", 1861730627, "5", 1434311007)));
    }

    @Test
    void inMemoryStoresOfOneNameShareTheDatabase() {
        try (Store first = Stores.inMemory("store-test-shared"); Store second = Stores.inMemory("store-test-shared")) {
            first.papers().put("k", Fixtures.paper("Shared", Fixtures.HASH));
            assertThat(second.papers().byKey("k")).isPresent();
            assertThat(second.schemaVersion()).isEqualTo("5");
        }
    }

    @Test
    void rejectsUnsafeInMemoryNames() {
        assertThatThrownBy(() -> Stores.inMemory("x;INIT=RUNSCRIPT FROM 'evil.sql'"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String h2Url() {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("mlr") + ";AUTO_SERVER=FALSE";
    }

    private int appliedMigrations() throws SQLException {
        try (Connection c = DriverManager.getConnection(h2Url());
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" = '1'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
