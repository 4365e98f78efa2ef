package org.mlrcopilot.bot.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.json.JsonCodec;
import org.mlrcopilot.agents.paper.ContentHash;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.RunStatus;
import org.mlrcopilot.bot.conversation.MessageLink;
import org.mlrcopilot.bot.conversation.MessageRole;

/** Runs, their steps, chat message links and processed event ids (migration V2). */
final class StoreRuns {

    private static final List<String> FINISHED =
            List.of(RunStatus.DONE.name(), RunStatus.FAILED.name(), RunStatus.STOPPED.name());

    /** Fits processed_events.event_id (VARCHAR(512)) with room to spare. */
    private static final int MAX_EVENT_ID = 256;

    private final Jdbi jdbi;
    private final Dialect dialect;

    StoreRuns(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /** One INSERT; the primary key rejects an id seen before. Ids longer than the column are kept as a hash. */
    boolean firstTime(String eventId) {
        String key = eventId.length() <= MAX_EVENT_ID ? eventId : "sha256:" + ContentHash.of(eventId);
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO processed_events (event_id, received_at) VALUES (:id, :at)")
                    .bind("id", key)
                    .bind("at", System.currentTimeMillis())
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    void save(ResearchRun run) {
        jdbi.useHandle(h -> h.createUpdate(dialect.upsert(
                        "runs",
                        "id, research_id, status, created_at, json",
                        "id",
                        ":id, :research, :status, :createdAt, :json"))
                .bind("id", run.id())
                .bind("research", run.researchId())
                .bind("status", run.status().name())
                .bind("createdAt", run.createdAt().toEpochMilli())
                .bind("json", JsonCodec.write(run))
                .execute());
    }

    Optional<ResearchRun> run(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT json FROM runs WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .findOne())
                .map(j -> JsonCodec.read(j, ResearchRun.class));
    }

    List<ResearchRun> runs(String researchId) {
        return list("SELECT json FROM runs WHERE research_id = :key ORDER BY created_at, id", researchId);
    }

    List<ResearchRun> active() {
        return jdbi
                .withHandle(h -> h.createQuery(
                                "SELECT json FROM runs WHERE status NOT IN (<finished>) ORDER BY created_at, id")
                        .bindList("finished", FINISHED)
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(j -> JsonCodec.read(j, ResearchRun.class))
                .toList();
    }

    private List<ResearchRun> list(String sql, String key) {
        return jdbi
                .withHandle(h ->
                        h.createQuery(sql).bind("key", key).mapTo(String.class).list())
                .stream()
                .map(j -> JsonCodec.read(j, ResearchRun.class))
                .toList();
    }

    void add(String runId, StepRecord step) {
        jdbi.useHandle(h -> h.createUpdate(
                        dialect.upsert("run_steps", "run_id, step, json", "run_id, step", ":run, :step, :json"))
                .bind("run", runId)
                .bind("step", step.step())
                .bind("json", JsonCodec.write(step))
                .execute());
    }

    List<StepRecord> steps(String runId) {
        return jdbi
                .withHandle(h -> h.createQuery("SELECT json FROM run_steps WHERE run_id = :run ORDER BY step")
                        .bind("run", runId)
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(j -> JsonCodec.read(j, StepRecord.class))
                .toList();
    }

    void link(MessageLink l) {
        jdbi.useHandle(h -> h.createUpdate(dialect.upsert(
                        "message_links",
                        "platform, channel, message_id, thread, research_id, role",
                        "platform, channel, message_id",
                        ":platform, :channel, :message, :thread, :research, :role"))
                .bind("platform", l.platform())
                .bind("channel", l.channel())
                .bind("message", l.messageId())
                .bind("thread", l.thread())
                .bind("research", l.researchId())
                .bind("role", l.role().key())
                .execute());
    }

    Optional<MessageLink> message(String platform, String channel, String messageId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM message_links WHERE platform = :p " + "AND channel = :c AND message_id = :m")
                .bind("p", platform)
                .bind("c", channel)
                .bind("m", messageId)
                .map(StoreRuns::link)
                .findOne());
    }

    Optional<MessageLink> messageFor(String researchId, MessageRole role) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM message_links WHERE research_id = :r "
                        + "AND role = :role ORDER BY seq DESC LIMIT 1")
                .bind("r", researchId)
                .bind("role", role.key())
                .map(StoreRuns::link)
                .findOne());
    }

    Optional<String> researchOfThread(String platform, String channel, String thread) {
        return jdbi.withHandle(h -> h.createQuery("SELECT research_id FROM message_links WHERE platform = :p "
                        + "AND channel = :c AND thread = :t ORDER BY seq LIMIT 1")
                .bind("p", platform)
                .bind("c", channel)
                .bind("t", thread)
                .mapTo(String.class)
                .findOne());
    }

    private static MessageLink link(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new MessageLink(
                rs.getString("platform"),
                rs.getString("channel"),
                rs.getString("message_id"),
                rs.getString("thread"),
                rs.getString("research_id"),
                MessageRole.parse(rs.getString("role")));
    }
}
