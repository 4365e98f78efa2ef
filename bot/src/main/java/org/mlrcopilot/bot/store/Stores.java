package org.mlrcopilot.bot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlrcopilot.config.Secret;
import org.mlrcopilot.config.StoreConfig;

/** Which database a {@link Store} opens: H2 in the data directory (its owner's only), PostgreSQL, or in memory. */
public final class Stores {

    private Stores() {}

    /** The store the configuration names: PostgreSQL when {@code store.url} is set, else H2 in the data directory. */
    public static Store open(StoreConfig config) {
        return config.postgres() ? postgres(config.url(), config.user(), config.password()) : open(config.dataDir());
    }

    /**
     * The database {@code <dataDir>/mlr} (file {@code mlr.mv.db}), created if missing. One process owns it: no TCP
     * server is opened for others (another process gets a {@link StoreException} that says the file is in use).
     * The database has a password generated for it, kept in {@code mlr.key} ({@link H2Password}). The data directory
     * (papers, runs, usage, chat history), the database files and the key are made their owner's only.
     * See {@link Store#sync()} for when commits reach the file.
     */
    public static Store open(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
        String url = "jdbc:h2:file:" + dir.resolve("mlr");
        Store store;
        try {
            store = new Store(StoreDatabase.h2(url, H2Password.of(dir, url), "H2 database in " + dir));
        } catch (StoreException e) {
            if (e.inUse()) {
                throw new StoreException(
                        "the H2 database in " + dir + " is in use by another process (a running "
                                + "./mlr serve?); one process owns it: stop that one, or give this one another store.dataDir",
                        e);
            }
            throw e;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("mlr."))
                    .toList()) {
                ownerOnly(f, "rw-------");
            }
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot make the database files in " + dir + " their owner's only", e);
        }
        return store;
    }

    /**
     * The configured store for a one-off command; when the data directory's H2 database is held by the running
     * service, a store in memory instead (the command then keeps its paper cache and usage for itself), said on
     * {@code report}.
     */
    public static Store forCommand(StoreConfig config, java.io.PrintStream report) {
        try {
            return open(config);
        } catch (StoreException e) {
            if (!e.inUse()) {
                throw e;
            }
            report.println("note: " + e.getMessage().replaceFirst(";.*", "") + "; this command keeps its paper cache "
                    + "and usage in memory");
            return inMemory("command-" + ProcessHandle.current().pid());
        }
    }

    /**
     * The PostgreSQL database at {@code url} (jdbc:postgresql://host:port/database), signed in to as {@code user}
     * (empty: the driver's default) with {@code password}; its tables are created or migrated on opening.
     *
     * @throws StoreException when the server cannot be reached or refuses the sign-in, with the server's reason
     */
    public static Store postgres(String url, String user, Secret password) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + StoreDatabase.withoutParameters(url));
        }
        return new Store(StoreDatabase.postgres(url, user, password.reveal()));
    }

    /** {@code path} with {@code permissions} when it is this user's, on a file system with POSIX permissions. */
    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")
                && Files.getOwner(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        .getName()
                        .equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
        }
    }

    /** A database in memory that lives as long as the JVM, shared by every store of the same name. */
    public static Store inMemory(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("in-memory database name must be letters, digits, '_' or '-': " + name);
        }
        return new Store(StoreDatabase.h2("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "H2 database in memory"));
    }
}
