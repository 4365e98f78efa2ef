package org.mlrcopilot.bot.store;

import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.Jdbi;
import org.mlrcopilot.agents.experiment.RunCheckpoints;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.paper.PaperCache;
import org.mlrcopilot.agents.research.Feedback;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.ResearchStore;
import org.mlrcopilot.agents.research.RunStore;
import org.mlrcopilot.agents.research.StoreUnavailableException;
import org.mlrcopilot.agents.research.StoredBrief;
import org.mlrcopilot.agents.research.StoredHypothesis;
import org.mlrcopilot.agents.research.Vote;
import org.mlrcopilot.agents.research.VoteCount;
import org.mlrcopilot.agents.usage.UsageStore;
import org.mlrcopilot.bot.conversation.MessageLink;
import org.mlrcopilot.bot.conversation.MessageRole;
import org.mlrcopilot.bot.conversation.ThreadLinks;

/**
 * The service's durable store behind the {@link ResearchStore}, {@link RunStore}, {@link ThreadLinks}, {@link PaperCache},
 * {@link UsageStore} and {@link RunCheckpoints} ports: an H2 database in the data directory, or a PostgreSQL database, migrated by Flyway
 * when opened (the same migrations, in each database's own types where they differ). {@link Stores} opens one.
 */
public final class Store implements ResearchStore, RunStore, ThreadLinks, AutoCloseable {

    private final StoreDatabase database;
    private final Flyway flyway;
    private final Jdbi jdbi;
    private final Durability durability;
    private final PaperCache papers;
    private final UsageStore usage;
    private final RunCheckpoints checkpoints;
    private final StoreResearches researches;
    private final StoreRuns runs;
    private final StoreAuth auth;
    private final StoreAudit audit;

    Store(StoreDatabase database) {
        this.database = database;
        try {
            this.flyway = Flyway.configure()
                    .dataSource(database.pool())
                    .locations(database.dialect().migrationLocations())
                    .load();
            flyway.migrate();
        } catch (RuntimeException e) {
            closeQuietly(database, e);
            throw e;
        }
        Dialect dialect = database.dialect();
        this.jdbi = Jdbi.create(database.pool());
        this.durability = Durability.of(dialect, jdbi);
        this.papers = new StorePaperCache(jdbi, dialect);
        this.usage = new StoreUsageStore(jdbi);
        this.checkpoints = new StoreRunCheckpoints(jdbi, dialect);
        this.researches = new StoreResearches(jdbi, dialect);
        this.runs = new StoreRuns(jdbi, dialect);
        this.auth = new StoreAuth(jdbi, dialect);
        this.audit = new StoreAudit(jdbi);
    }

    /** Where the data lives, e.g. "H2 database in /srv/mlr/data" or "PostgreSQL database jdbc:... as mlr". */
    public String description() {
        return database.description();
    }

    /** The audit trail. */
    public org.mlrcopilot.bot.auth.AuditLog audit() {
        return audit;
    }

    /** People, invites and sessions of the web chat. */
    public org.mlrcopilot.bot.auth.AuthStore auth() {
        return auth;
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
    public void save(List<StoredHypothesis> hypotheses) {
        researches.save(hypotheses);
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
    public VoteCount votes(String researchId, String hypothesisId, int version) {
        return researches.votes(researchId, hypothesisId, version);
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
        if (link.role() != MessageRole.REPLY) {
            durable();
        }
    }

    @Override
    public Optional<MessageLink> message(String platform, String channel, String messageId) {
        return runs.message(platform, channel, messageId);
    }

    @Override
    public Optional<MessageLink> messageFor(String researchId, MessageRole role) {
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

    public PaperCache papers() {
        return papers;
    }

    public UsageStore usage() {
        return usage;
    }

    public RunCheckpoints checkpoints() {
        return checkpoints;
    }

    /** The version of the last applied migration, e.g. "1". */
    public String schemaVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? "" : current.getVersion().getVersion();
    }

    /**
     * Makes what was committed durable now. The research's own state (researches, briefs, hypotheses, runs, steps,
     * the messages the bot posted) is written at once, so a killed process resumes exactly where it was; the
     * frequent small writes of the inbound path (events, votes, feedback, replies) are made durable by the group
     * commit of {@link #sync()} before the event is acknowledged. (Joining that group commit here was measured
     * slower on H2: the research lanes' frequent writes kept it busy and acknowledgements waited.) On PostgreSQL
     * every commit is already durable and both cost nothing.
     */
    private void durable() {
        try {
            durability.now();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(
                    "cannot write to the database: " + StoreFailures.reason(e).orElse(String.valueOf(e.getMessage())),
                    e);
        }
    }

    /** The row a write probe rewrites: an event id no platform sends. */
    private static final String PROBE = "mlr:write-probe";

    /**
     * Rewrites one row and makes it durable: a full disk or a closed database fails here as it would fail a real
     * write. On H2, a database that closed itself after a failed write is opened again by the probe that succeeds.
     */
    @Override
    public Optional<String> writeProblem() {
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("DELETE FROM processed_events WHERE event_id = :id")
                        .bind("id", PROBE)
                        .execute();
                h.createUpdate("INSERT INTO processed_events (event_id, received_at) VALUES (:id, :at)")
                        .bind("id", PROBE)
                        .bind("at", System.currentTimeMillis())
                        .execute();
            });
            durability.now();
            database.renew();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(StoreFailures.reason(e).orElse(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /**
     * Returns once everything this thread committed is durable: on H2 a group commit (one checkpoint serves every
     * caller that arrived while the previous one ran; waits at most two seconds, then H2's own write delay, half a
     * second, still writes it); on PostgreSQL at once, the commit having waited for the disk.
     */
    @Override
    public void sync() {
        durability.sync();
    }

    /** The Jdbi of this store, for copying between stores. */
    Jdbi jdbi() {
        return jdbi;
    }

    Dialect dialect() {
        return database.dialect();
    }

    @Override
    public void close() {
        durability.close();
        database.close();
    }

    private static void closeQuietly(StoreDatabase database, RuntimeException cause) {
        try {
            database.close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
