package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
            assertThat(store.schemaVersion()).isEqualTo("6");
        }
        assertThat(data.resolve("mlr.mv.db")).isRegularFile();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(uncheckedPermissions(data)))
                .as("a data directory the store creates is its owner's only")
                .isEqualTo("rwx------");
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
            assertThat(store.schemaVersion()).isEqualTo("6");
        }
        try (Store store = Stores.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo("6");
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
            assertThat(store.description())
                    .isEqualTo("H2 database in " + dir.toAbsolutePath().normalize());
        }
        Map<String, Integer> checksums = new TreeMap<>();
        try (Connection c = connect();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            while (rs.next()) {
                checksums.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(checksums)
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "1",
                        1990610308,
                        "2",
                        -242300433,
                        "3",
                        869674700,
                        "4",
                        1861730627,
                        "5",
                        1434311007,
                        "6",
                        -807077507)));
    }

    @Test
    void votesCastBeforeVersionsHadMessagesGoToTheLatestVersion() throws SQLException {
        databaseOfVersion5();
        try (Connection c = DriverManager.getConnection(h2Url())) {
            c.createStatement().execute("INSERT INTO researches VALUES ('r-1', 'READY', 0, '{}')");
            c.createStatement()
                    .execute("INSERT INTO hypotheses VALUES ('r-1', 'H1', 1, 0, 'PROPOSED', '{}'),"
                            + " ('r-1', 'H1', 2, 0, 'PROPOSED', '{}'), ('r-1', 'H2', 1, 1, 'PROPOSED', '{}')");
            c.createStatement()
                    .execute("INSERT INTO votes VALUES ('r-1', 'H1', 'bob', 1), ('r-1', 'H1', 'ann', -1),"
                            + " ('r-1', 'H2', 'bob', 1)");
        }
        try (Store store = Stores.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo("6");
            assertThat(store.votes("r-1", "H1", 2)).isEqualTo(new org.mlrcopilot.agents.research.VoteCount(1, 1));
            assertThat(store.votes("r-1", "H1", 1)).isEqualTo(org.mlrcopilot.agents.research.VoteCount.NONE);
            assertThat(store.votes("r-1", "H2", 1)).isEqualTo(new org.mlrcopilot.agents.research.VoteCount(1, 0));
            store.vote(new org.mlrcopilot.agents.research.Vote("r-1", "H1", 1, "bob", -1));
            assertThat(store.votes("r-1", "H1", 1))
                    .as("one voter, one vote per version")
                    .isEqualTo(new org.mlrcopilot.agents.research.VoteCount(0, 1));
            assertThat(store.votes("r-1", "H1", 2)).isEqualTo(new org.mlrcopilot.agents.research.VoteCount(1, 1));
        }
    }

    @Test
    void theH2StoreOpensNoPortAndKeepsItsFilesToItsOwner() throws Exception {
        Path data = dir.resolve("shared");
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        java.util.Set<String> before = listening();
        try (Store store = Stores.open(data)) {
            store.papers().put("k", Fixtures.paper("Owner only", Fixtures.HASH));
            assertThat(listening()).as("no TCP server for other processes").isSubsetOf(before);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                    .isEqualTo("rwx------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(data.resolve("mlr.mv.db"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void theH2DatabaseHasAGeneratedPasswordKeptToItsOwner() throws Exception {
        try (Store store = Stores.open(dir)) {
            store.papers().put("k", Fixtures.paper("Locked", Fixtures.HASH));
        }
        Path key = dir.resolve("mlr.key");
        assertThat(Files.readString(key).strip()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(h2Url(), "", "").close())
                .as("no sign-in without the password")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        try (Connection c = connect()) {
            assertThat(c.isValid(1)).isTrue();
        }
        try (Store again = Stores.open(dir)) {
            assertThat(again.papers().byKey("k")).isPresent();
        }
    }

    @Test
    void aDatabaseMadeWithoutAPasswordIsGivenOneAndKeepsItsData() throws Exception {
        databaseOfVersion5();
        try (Connection c = DriverManager.getConnection(h2Url(), "", "")) {
            c.createStatement().execute("INSERT INTO researches VALUES ('r-1', 'READY', 0, '{}')");
        }
        assertThat(dir.resolve("mlr.key")).doesNotExist();

        try (Store store = Stores.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo("6");
        }
        assertThat(dir.resolve("mlr.key")).isRegularFile();
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery("SELECT id FROM researches")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("r-1");
        }
        assertThat(dir.resolve("mlr.key.new")).doesNotExist();
        assertThatThrownBy(() -> DriverManager.getConnection(h2Url(), "", "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
    }

    @Test
    void aStopBetweenSettingThePasswordAndKeepingItLosesNeither() throws Exception {
        try (Connection c = DriverManager.getConnection(h2Url(), "", "")) {
            c.createStatement().execute("ALTER USER \"\" SET PASSWORD 'set-before-the-stop'");
        }
        Files.writeString(dir.resolve("mlr.key.new"), "set-before-the-stop\n");

        try (Store store = Stores.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo("6");
        }
        assertThat(Files.readString(dir.resolve("mlr.key")).strip()).isEqualTo("set-before-the-stop");
    }

    /** The TCP sockets listening on this machine ("local address:port" in /proc/net/tcp and tcp6). */
    private static java.util.Set<String> listening() throws IOException {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.isReadable(file)) {
                Files.readAllLines(file).stream()
                        .skip(1)
                        .map(l -> l.trim().split("\\s+"))
                        .filter(f -> f.length > 3 && f[3].equals("0A"))
                        .forEach(f -> out.add(f[1]));
            }
        }
        return out;
    }

    @Test
    void inMemoryStoresOfOneNameShareTheDatabase() {
        try (Store first = Stores.inMemory("store-test-shared");
                Store second = Stores.inMemory("store-test-shared")) {
            first.papers().put("k", Fixtures.paper("Shared", Fixtures.HASH));
            assertThat(second.papers().byKey("k")).isPresent();
            assertThat(second.schemaVersion()).isEqualTo("6");
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

    /** The database as an earlier version left it: migrated to version 5, without a password. */
    private void databaseOfVersion5() {
        org.flywaydb.core.Flyway.configure()
                .dataSource(h2Url(), "", "")
                .target("5")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
    }

    /** A connection to the data directory's database with the password the store keeps for it. */
    private Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(
                    h2Url(), "", Files.readString(dir.resolve("mlr.key")).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int appliedMigrations() throws SQLException {
        try (Connection c = connect();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" = '1'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
