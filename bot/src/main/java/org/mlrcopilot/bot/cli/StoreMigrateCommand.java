package org.mlrcopilot.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlrcopilot.bot.store.Store;
import org.mlrcopilot.bot.store.StoreCopy;
import org.mlrcopilot.bot.store.Stores;
import org.mlrcopilot.config.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * `mlr store migrate --from data/ --to jdbc:postgresql://...`: copies an H2 store into PostgreSQL in one
 * transaction and compares the rows of every table on both sides. The password is the configured
 * {@code store.password} (MLR_STORE_PASSWORD or .env), never an argument.
 */
@Command(name = "migrate", description = "Copy the H2 store of a data directory into a PostgreSQL database.")
final class StoreMigrateCommand implements Callable<Integer> {

    @ParentCommand
    StoreCommand store;

    @Option(names = "--from", description = "Data directory holding the H2 store (default: store.dataDir).")
    Path from;

    @Option(names = "--to", description = "PostgreSQL JDBC URL to copy into (default: store.url).")
    String to;

    @Option(names = "--user", description = "PostgreSQL role (default: store.user); the password is store.password.")
    String user;

    @Option(names = "--force", description = "Replace what the target database already holds.")
    boolean force;

    @Override
    public Integer call() {
        StoreConfig config = store.mlr.config().config().store();
        Path dir = from != null ? from : config.dataDir();
        String url = to != null ? to : config.url();
        if (!Files.isRegularFile(dir.resolve("mlr.mv.db"))) {
            throw new IllegalArgumentException(
                    "no H2 store in " + dir.toAbsolutePath().normalize() + " (mlr.mv.db not found)");
        }
        if (!url.startsWith("jdbc:postgresql://") || url.matches("(?is).*[?&]password=.*")) {
            throw new IllegalArgumentException("--to (or store.url) must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://db.example.org:5432/mlr, without a password (set MLR_STORE_PASSWORD)");
        }
        try (Store source = Stores.open(dir);
                Store target = Stores.postgres(url, user != null ? user : config.user(), config.password())) {
            System.out.println("copying " + source.description() + " into " + target.description());
            List<StoreCopy.TableCount> counts = StoreCopy.copy(source, target, force);
            return report(counts);
        }
    }

    private static int report(List<StoreCopy.TableCount> counts) {
        System.out.printf(Locale.ROOT, "%-18s %10s %10s%n", "table", "source", "target");
        long rows = 0;
        boolean same = true;
        for (StoreCopy.TableCount c : counts) {
            System.out.printf(
                    Locale.ROOT,
                    "%-18s %10d %10d%s%n",
                    c.table(),
                    c.source(),
                    c.target(),
                    c.matches() ? "" : "  MISMATCH");
            rows += c.source();
            same &= c.matches();
        }
        if (!same) {
            System.out.println("the row counts differ: the target does not hold the same data");
            return 1;
        }
        System.out.printf(Locale.ROOT, "copied %d rows in %d tables; every count matches%n", rows, counts.size());
        return 0;
    }
}
