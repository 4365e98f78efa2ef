package org.mlrcopilot.bot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlrcopilot.config.Secret;
import org.mlrcopilot.config.StoreConfig;

/** Which database a {@link Store} opens: H2 in the data directory (its owner's only), PostgreSQL, or in memory. */
public final class Stores {

    private Stores() {
    }

    /** The store the configuration names: PostgreSQL when {@code store.url} is set, else H2 in the data directory. */
    public static Store open(StoreConfig config) {
        return config.postgres() ? postgres(config.url(), config.user(), config.password()) : open(config.dataDir());
    }

    /**
     * The database {@code <dataDir>/mlr} (file {@code mlr.mv.db}), created if missing; a data directory this creates
     * is readable by its owner only (it holds papers, runs, usage and chat history). See {@link Store#sync()} for when
     * commits reach the file.
     */
    public static Store open(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                ownerOnly(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
        return new Store(StoreDatabase.h2("jdbc:h2:file:" + dir.resolve("mlr") + ";AUTO_SERVER=TRUE",
                "H2 database in " + dir));
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

    private static void ownerOnly(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
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
