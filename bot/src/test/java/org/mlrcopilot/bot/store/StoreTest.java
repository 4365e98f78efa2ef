package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    @Test
    void createsTheDatabaseFileInTheDataDirectory() {
        Path data = dir.resolve("nested/data");
        try (Store store = Store.open(data)) {
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
        try (Store store = Store.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo("5");
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo("5");
        }
        assertThat(appliedMigrations()).isEqualTo(1);
    }

    @Test
    void inMemoryStoresOfOneNameShareTheDatabase() {
        try (Store first = Store.inMemory("store-test-shared"); Store second = Store.inMemory("store-test-shared")) {
            first.papers().put("k", Fixtures.paper("Shared", Fixtures.HASH));
            assertThat(second.papers().byKey("k")).isPresent();
            assertThat(second.schemaVersion()).isEqualTo("5");
        }
    }

    @Test
    void rejectsUnsafeInMemoryNames() {
        assertThatThrownBy(() -> Store.inMemory("x;INIT=RUNSCRIPT FROM 'evil.sql'"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private int appliedMigrations() throws SQLException {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("mlr") + ";AUTO_SERVER=FALSE";
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" = '1'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
