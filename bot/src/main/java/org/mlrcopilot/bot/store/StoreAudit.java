package org.mlrcopilot.bot.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.mlrcopilot.bot.auth.AuditLog;

/** The audit trail (migration V4). */
final class StoreAudit implements AuditLog {

    private final Jdbi jdbi;

    StoreAudit(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(Entry e) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit (at, who, platform, address, action, detail) "
                        + "VALUES (:at, :who, :platform, :address, :action, :detail)")
                .bind("at", e.at().toEpochMilli())
                .bind("who", clip(e.who(), 200))
                .bind("platform", clip(e.platform(), 32))
                .bind("address", clip(e.address(), 64))
                .bind("action", clip(e.action(), 64))
                .bind("detail", clip(e.detail(), 1000))
                .execute());
    }

    @Override
    public List<Entry> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM audit ORDER BY seq DESC LIMIT :n")
                .bind("n", Math.max(1, limit))
                .map((rs, ctx) -> new Entry(
                        Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("who"),
                        rs.getString("platform"),
                        rs.getString("address"),
                        rs.getString("action"),
                        rs.getString("detail")))
                .list());
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
