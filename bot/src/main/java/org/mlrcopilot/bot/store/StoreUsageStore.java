package org.mlrcopilot.bot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.mlrcopilot.agents.usage.Usage;
import org.mlrcopilot.agents.usage.UsageStore;
import org.mlrcopilot.agents.usage.UsageTotals;

/**
 * {@link UsageStore} in table {@code llm_usage}, one row per call; totals are summed by the database. Times are kept
 * to the microsecond (PostgreSQL's precision; cut, not rounded, so a call stays on its day).
 */
final class StoreUsageStore implements UsageStore {

    private static final String TOTALS = """
            SELECT COUNT(*), COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0),
                   COALESCE(SUM(cached_tokens), 0), COALESCE(SUM(cost_usd), 0) FROM llm_usage""";
    private static final String COLUMNS = "research_id, team, role, model, input_tokens, output_tokens, "
            + "cached_tokens, latency_ms, outcome, cost_usd, at";

    private final Jdbi jdbi;

    StoreUsageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(Usage u) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO llm_usage (" + COLUMNS + ") VALUES (:researchId, :team, "
                        + ":role, :model, :input, :output, :cached, :latencyMs, :outcome, :cost, :at)")
                .bind("researchId", u.researchId())
                .bind("team", u.team())
                .bind("role", u.role())
                .bind("model", u.model())
                .bind("input", u.inputTokens())
                .bind("output", u.outputTokens())
                .bind("cached", u.cachedTokens())
                .bind("latencyMs", u.latency().toMillis())
                .bind("outcome", u.outcome())
                .bind("cost", u.costUsd())
                .bind("at", utc(u.at().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)))
                .execute());
    }

    @Override
    public UsageTotals forResearch(String researchId) {
        return jdbi.withHandle(h -> h.createQuery(TOTALS + " WHERE research_id = :researchId")
                .bind("researchId", researchId)
                .map((rs, ctx) -> totals(rs))
                .one());
    }

    @Override
    public UsageTotals forTeamOn(String team, LocalDate day) {
        OffsetDateTime from = day.atStartOfDay().atOffset(ZoneOffset.UTC);
        return jdbi.withHandle(h -> h.createQuery(TOTALS + " WHERE team = :team AND at >= :from AND at < :to")
                .bind("team", team)
                .bind("from", utc(from))
                .bind("to", utc(from.plusDays(1)))
                .map((rs, ctx) -> totals(rs))
                .one());
    }

    @Override
    public List<Usage> ofResearch(String researchId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_usage WHERE research_id = :researchId ORDER BY id")
                        .bind("researchId", researchId)
                        .map((rs, ctx) -> usage(rs))
                        .list());
    }

    private static Argument utc(OffsetDateTime time) {
        return (position, statement, ctx) -> statement.setObject(position, time);
    }

    private static UsageTotals totals(ResultSet rs) throws SQLException {
        return new UsageTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5));
    }

    private static Usage usage(ResultSet rs) throws SQLException {
        return new Usage(
                rs.getString("research_id"),
                rs.getString("team"),
                rs.getString("role"),
                rs.getString("model"),
                rs.getLong("input_tokens"),
                rs.getLong("output_tokens"),
                rs.getLong("cached_tokens"),
                Duration.ofMillis(rs.getLong("latency_ms")),
                rs.getString("outcome"),
                rs.getDouble("cost_usd"),
                rs.getObject("at", OffsetDateTime.class).toInstant());
    }
}
