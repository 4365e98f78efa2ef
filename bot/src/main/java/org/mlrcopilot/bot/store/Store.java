package org.mlrcopilot.bot.store;

import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.research.Feedback;
import org.mlrcopilot.agents.research.MessageLink;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.ResearchStore;
import org.mlrcopilot.agents.research.StoredBrief;
import org.mlrcopilot.agents.research.StoredHypothesis;
import org.mlrcopilot.agents.research.Vote;
import org.mlrcopilot.agents.research.VoteCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.mlrcopilot.agents.experiment.RunCheckpoints;
import org.mlrcopilot.agents.paper.PaperCache;
import org.mlrcopilot.agents.usage.UsageStore;

/**
 * The service's durable store: an H2 database, migrated by Flyway when opened, behind the
 * {@link PaperCache}, {@link UsageStore} and {@link RunCheckpoints} ports. One connection stays open
 * while the store is, so the database is not reopened for every statement.
 */
public final class Store implements ResearchStore, AutoCloseable {

    private final Connection keepOpen;
    private final Flyway flyway;
    private final PaperCache papers;
    private final UsageStore usage;
    private final RunCheckpoints checkpoints;
    private final StoreResearches researches;
    private final StoreRuns runs;
    private final StoreAuth auth;
    private final StoreAudit audit;
    /** Group commit: how many syncs were asked for, how many the last checkpoint covered. */
    private final Object flushLock = new Object();
    private long asked;
    private long flushed;
    private boolean closed;
    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;

    private Store(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        this.keepOpen = connect(dataSource);
        try {
            this.flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
            flyway.migrate();
        } catch (RuntimeException e) {
            closeQuietly(keepOpen, e);
            throw e;
        }
        this.pool = JdbcConnectionPool.create(dataSource);
        pool.setMaxConnections(16);
        this.jdbi = Jdbi.create(pool);
        this.papers = new StorePaperCache(jdbi);
        this.usage = new StoreUsageStore(jdbi);
        this.checkpoints = new StoreRunCheckpoints(jdbi);
        this.researches = new StoreResearches(jdbi);
        this.runs = new StoreRuns(jdbi);
        this.auth = new StoreAuth(jdbi);
        this.audit = new StoreAudit(jdbi);
        Thread flusher = new Thread(this::flushLoop, "mlr-store-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    /**
     * The database {@code <dataDir>/mlr} (file {@code mlr.mv.db}), created if missing; a data directory this creates
     * is readable by its owner only (it holds papers, runs, usage and chat history). See {@link #durable()} for when
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
        return new Store("jdbc:h2:file:" + dir.resolve("mlr") + ";AUTO_SERVER=TRUE");
    }

    private static void ownerOnly(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** The audit trail. */
    public org.mlrcopilot.bot.auth.AuditLog audit() {
        return audit;
    }

    /** People, invites and sessions of the web chat. */
    public org.mlrcopilot.bot.auth.AuthStore auth() {
        return auth;
    }

    /** A database in memory that lives as long as the JVM, shared by every store of the same name. */
    public static Store inMemory(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("in-memory database name must be letters, digits, '_' or '-': " + name);
        }
        return new Store("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    public boolean firstTime(String eventId) {
        return runs.firstTime(eventId);
    }

    @Override
    public void save(Research research) {
        researches.save(research);
        durable();
    }

    @Override
    public Optional<Research> research(String id) {
        return researches.research(id);
    }

    @Override
    public List<Research> recent(int limit) {
        return researches.recent(limit);
    }

    @Override
    public List<Research> unfinished() {
        return researches.unfinished();
    }

    @Override
    public void save(StoredBrief brief) {
        researches.save(brief);
        durable();
    }

    @Override
    public Optional<StoredBrief> brief(String researchId) {
        return researches.brief(researchId);
    }

    @Override
    public void save(StoredHypothesis hypothesis) {
        researches.save(hypothesis);
        durable();
    }

    @Override
    public List<StoredHypothesis> hypotheses(String researchId) {
        return researches.hypotheses(researchId);
    }

    @Override
    public List<StoredHypothesis> versions(String researchId, String hypothesisId) {
        return researches.versions(researchId, hypothesisId);
    }

    @Override
    public void add(Feedback feedback) {
        researches.add(feedback);
    }

    @Override
    public List<Feedback> feedback(String researchId, String hypothesisId) {
        return researches.feedback(researchId, hypothesisId);
    }

    @Override
    public List<Feedback> runFeedback(String runId) {
        return researches.runFeedback(runId);
    }

    @Override
    public void vote(Vote vote) {
        researches.vote(vote);
    }

    @Override
    public VoteCount votes(String researchId, String hypothesisId) {
        return researches.votes(researchId, hypothesisId);
    }

    @Override
    public void save(ResearchRun run) {
        runs.save(run);
        durable();
    }

    @Override
    public Optional<ResearchRun> run(String runId) {
        return runs.run(runId);
    }

    @Override
    public List<ResearchRun> runs(String researchId) {
        return runs.runs(researchId);
    }

    @Override
    public List<ResearchRun> activeRuns() {
        return runs.active();
    }

    @Override
    public void add(String runId, StepRecord step) {
        runs.add(runId, step);
        durable();
    }

    @Override
    public List<StepRecord> steps(String runId) {
        return runs.steps(runId);
    }

    @Override
    public void link(MessageLink link) {
        runs.link(link);
        if (!link.role().equals("reply")) {
            durable();
        }
    }

    @Override
    public Optional<MessageLink> message(String platform, String channel, String messageId) {
        return runs.message(platform, channel, messageId);
    }

    @Override
    public Optional<MessageLink> messageFor(String researchId, String role) {
        return runs.messageFor(researchId, role);
    }

    @Override
    public List<StoredHypothesis> hypothesesIn(org.mlrcopilot.agents.research.HypothesisState state) {
        return researches.hypothesesIn(state);
    }

    @Override
    public Optional<String> researchOfThread(String platform, String channel, String thread) {
        return runs.researchOfThread(platform, channel, thread);
    }

    @Override
    public PaperCache papers() {
        return papers;
    }

    @Override
    public UsageStore usage() {
        return usage;
    }

    @Override
    public RunCheckpoints checkpoints() {
        return checkpoints;
    }

    /** The version of the last applied migration, e.g. "1". */
    public String schemaVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? "" : current.getVersion().getVersion();
    }

    /**
     * Writes what was committed to the database file now. The research's own state (researches, briefs, hypotheses,
     * runs, steps, the messages the bot posted) is written at once, so a killed process resumes exactly where it
     * was; the frequent small writes of the inbound path (events, votes, feedback, replies) are written by the
     * group commit of {@link #sync()} before the event is acknowledged. (Joining that group commit here was
     * measured slower: the research lanes' frequent writes kept it busy and acknowledgements waited.)
     */
    private void durable() {
        jdbi.useHandle(h -> h.execute("CHECKPOINT"));
    }

    /**
     * Group commit: the caller waits until a checkpoint that started after its writes has written them to the
     * file. One checkpoint serves every caller that arrived while the previous one ran, so under load the inbound
     * path pays about one checkpoint, not one per event. Waits at most two seconds (then H2's own write delay,
     * half a second, still writes it).
     */
    @Override
    public void sync() {
        long mine;
        synchronized (flushLock) {
            mine = ++asked;
            flushLock.notifyAll();
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (flushed < mine && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    flushLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void flushLoop() {
        while (true) {
            long target;
            synchronized (flushLock) {
                while (asked == flushed && !closed) {
                    try {
                        flushLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                target = asked;
            }
            try {
                jdbi.useHandle(h -> h.execute("CHECKPOINT"));
            } catch (RuntimeException e) {
                System.getLogger("mlr.store").log(System.Logger.Level.WARNING, "checkpoint failed: " + e.getMessage());
            }
            synchronized (flushLock) {
                flushed = target;
                flushLock.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        synchronized (flushLock) {
            closed = true;
            flushLock.notifyAll();
        }
        pool.dispose();
        try {
            keepOpen.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the store: " + e.getMessage(), e);
        }
    }

    private static Connection connect(JdbcDataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the store " + dataSource.getURL() + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection, RuntimeException cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
