package org.mlrcopilot.bot.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.mlrcopilot.agents.json.JsonCodec;
import org.mlrcopilot.agents.research.Feedback;
import org.mlrcopilot.agents.research.HypothesisState;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchStatus;
import org.mlrcopilot.agents.research.StoredBrief;
import org.mlrcopilot.agents.research.StoredHypothesis;
import org.mlrcopilot.agents.research.Vote;
import org.mlrcopilot.agents.research.VoteCount;

/** Researches, briefs, hypothesis versions, feedback and votes in tables of JSON rows (migration V2). */
final class StoreResearches {

    private final Jdbi jdbi;
    private final Dialect dialect;

    StoreResearches(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    void save(Research r) {
        jdbi.useHandle(h -> h.createUpdate(dialect.upsert(
                        "researches", "id, status, created_at, json", "id", ":id, :status, :createdAt, :json"))
                .bind("id", r.id())
                .bind("status", r.status().name())
                .bind("createdAt", r.createdAt().toEpochMilli())
                .bind("json", JsonCodec.write(r))
                .execute());
    }

    Optional<Research> research(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT json FROM researches WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .findOne())
                .map(j -> JsonCodec.read(j, Research.class));
    }

    List<Research> recent(int limit) {
        return jdbi
                .withHandle(
                        h -> h.createQuery("SELECT json FROM researches ORDER BY created_at DESC, id DESC LIMIT :limit")
                                .bind("limit", limit)
                                .mapTo(String.class)
                                .list())
                .stream()
                .map(j -> JsonCodec.read(j, Research.class))
                .toList();
    }

    List<Research> unfinished() {
        return jdbi
                .withHandle(h -> h.createQuery(
                                "SELECT json FROM researches WHERE status IN (<states>) " + "ORDER BY created_at, id")
                        .bindList(
                                "states",
                                List.of(
                                        ResearchStatus.QUEUED.name(),
                                        ResearchStatus.READING.name(),
                                        ResearchStatus.GENERATING.name()))
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(j -> JsonCodec.read(j, Research.class))
                .toList();
    }

    void save(StoredBrief brief) {
        jdbi.useHandle(h -> h.createUpdate(dialect.upsert("briefs", "research_id, json", "research_id", ":id, :json"))
                .bind("id", brief.researchId())
                .bind("json", JsonCodec.write(brief))
                .execute());
    }

    Optional<StoredBrief> brief(String researchId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT json FROM briefs WHERE research_id = :id")
                        .bind("id", researchId)
                        .mapTo(String.class)
                        .findOne())
                .map(j -> JsonCodec.read(j, StoredBrief.class));
    }

    void save(StoredHypothesis s) {
        jdbi.useHandle(h -> save(h, s));
    }

    /** In one transaction: all or none. */
    void save(List<StoredHypothesis> batch) {
        jdbi.useTransaction(h -> batch.forEach(s -> save(h, s)));
    }

    private void save(org.jdbi.v3.core.Handle h, StoredHypothesis s) {
        h.createUpdate(dialect.upsert(
                        "hypotheses",
                        "research_id, hypothesis_id, version, position, state, json",
                        "research_id, hypothesis_id, version",
                        ":research, :id, :version, :position, :state, :json"))
                .bind("research", s.researchId())
                .bind("id", s.id())
                .bind("version", s.hypothesis().version())
                .bind("position", s.position())
                .bind("state", s.state().name())
                .bind("json", JsonCodec.write(s))
                .execute();
    }

    List<StoredHypothesis> hypotheses(String researchId) {
        return jdbi
                .withHandle(h -> h.createQuery("""
                        SELECT json FROM hypotheses x WHERE research_id = :research AND version = (
                            SELECT MAX(version) FROM hypotheses y
                            WHERE y.research_id = x.research_id AND y.hypothesis_id = x.hypothesis_id)
                        ORDER BY position, hypothesis_id""")
                        .bind("research", researchId)
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(j -> JsonCodec.read(j, StoredHypothesis.class))
                .toList();
    }

    List<StoredHypothesis> hypothesesIn(HypothesisState state) {
        return jdbi
                .withHandle(h -> h.createQuery("""
                        SELECT json FROM hypotheses x WHERE state = :state AND version = (
                            SELECT MAX(version) FROM hypotheses y
                            WHERE y.research_id = x.research_id AND y.hypothesis_id = x.hypothesis_id)
                        ORDER BY research_id, position, hypothesis_id""")
                        .bind("state", state.name())
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(j -> JsonCodec.read(j, StoredHypothesis.class))
                .toList();
    }

    List<StoredHypothesis> versions(String researchId, String hypothesisId) {
        return jdbi
                .withHandle(h -> h.createQuery("SELECT json FROM hypotheses WHERE research_id = :research "
                                + "AND hypothesis_id = :id ORDER BY version")
                        .bind("research", researchId)
                        .bind("id", hypothesisId)
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(j -> JsonCodec.read(j, StoredHypothesis.class))
                .toList();
    }

    void add(Feedback f) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO feedback (research_id, hypothesis_id, run_id, json) "
                        + "VALUES (:research, :hypothesis, :run, :json)")
                .bind("research", f.researchId())
                .bind("hypothesis", f.hypothesisId())
                .bind("run", f.runId())
                .bind("json", JsonCodec.write(f))
                .execute());
    }

    List<Feedback> feedback(String researchId, String hypothesisId) {
        return jdbi
                .withHandle(h -> h.createQuery("SELECT json FROM feedback WHERE research_id = :research "
                                + "AND hypothesis_id = :hypothesis ORDER BY id")
                        .bind("research", researchId)
                        .bind("hypothesis", hypothesisId)
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(j -> JsonCodec.read(j, Feedback.class))
                .toList();
    }

    List<Feedback> runFeedback(String runId) {
        return jdbi
                .withHandle(h -> h.createQuery("SELECT json FROM feedback WHERE run_id = :run ORDER BY id")
                        .bind("run", runId)
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(j -> JsonCodec.read(j, Feedback.class))
                .toList();
    }

    void vote(Vote v) {
        jdbi.useHandle(h -> {
            if (v.value() == 0) {
                h.createUpdate("DELETE FROM votes WHERE research_id = :r AND hypothesis_id = :h "
                                + "AND version = :version AND voter = :v")
                        .bind("r", v.researchId())
                        .bind("h", v.hypothesisId())
                        .bind("version", v.version())
                        .bind("v", v.voter())
                        .execute();
            } else {
                h.createUpdate(dialect.upsert(
                                "votes",
                                "research_id, hypothesis_id, version, voter, vote",
                                "research_id, hypothesis_id, version, voter",
                                ":r, :h, :version, :v, :value"))
                        .bind("r", v.researchId())
                        .bind("h", v.hypothesisId())
                        .bind("version", v.version())
                        .bind("v", v.voter())
                        .bind("value", v.value())
                        .execute();
            }
        });
    }

    VoteCount votes(String researchId, String hypothesisId, int version) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COALESCE(SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END), 0) AS up,
                               COALESCE(SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END), 0) AS down
                        FROM votes WHERE research_id = :r AND hypothesis_id = :h AND version = :version""")
                .bind("r", researchId)
                .bind("h", hypothesisId)
                .bind("version", version)
                .map((rs, ctx) -> new VoteCount(rs.getInt("up"), rs.getInt("down")))
                .one());
    }
}
