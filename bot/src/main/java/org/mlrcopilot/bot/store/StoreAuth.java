package org.mlrcopilot.bot.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.mlrcopilot.bot.auth.AuthStore;
import org.mlrcopilot.bot.auth.Person;
import org.mlrcopilot.bot.auth.Role;

/** People, invites and sessions (migration V3). */
final class StoreAuth implements AuthStore {

    private final Jdbi jdbi;
    private final Dialect dialect;

    StoreAuth(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    @Override
    public Optional<Person> person(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM people WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> person(rs))
                .findOne());
    }

    @Override
    public Optional<Person> personNamed(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM people WHERE name_key = :key")
                .bind("key", name.strip().toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> person(rs))
                .findOne());
    }

    @Override
    public List<Person> people() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM people ORDER BY created_at")
                .map((rs, ctx) -> person(rs))
                .list());
    }

    @Override
    public void save(Person p) {
        jdbi.useHandle(h -> h.createUpdate(dialect.upsert(
                        "people",
                        "id, name, name_key, role, password_hash, created_at",
                        "id",
                        ":id, :name, :key, :role, :hash, :created"))
                .bind("id", p.id())
                .bind("name", p.name())
                .bind("key", p.name().toLowerCase(Locale.ROOT))
                .bind("role", p.role().name())
                .bind("hash", p.passwordHash())
                .bind("created", p.createdAt().toEpochMilli())
                .execute());
    }

    @Override
    public void save(Invite i) {
        jdbi.useHandle(h -> h.createUpdate(dialect.upsert(
                        "invites",
                        "code_hash, role, created_by, expires_at, used_at",
                        "code_hash",
                        ":hash, :role, :by, :expires, :used"))
                .bind("hash", i.codeHash())
                .bind("role", i.role().name())
                .bind("by", i.createdBy())
                .bind("expires", i.expiresAt().toEpochMilli())
                .bind("used", i.usedAt() == null ? null : i.usedAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<Invite> invite(String codeHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM invites WHERE code_hash = :hash")
                .bind("hash", codeHash)
                .map((rs, ctx) -> new Invite(
                        rs.getString("code_hash"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("created_by"),
                        Instant.ofEpochMilli(rs.getLong("expires_at")),
                        rs.getObject("used_at") == null ? null : Instant.ofEpochMilli(rs.getLong("used_at"))))
                .findOne());
    }

    @Override
    public boolean use(String codeHash, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE invites SET used_at = :at WHERE code_hash = :hash " + "AND used_at IS NULL")
                        .bind("at", at.toEpochMilli())
                        .bind("hash", codeHash)
                        .execute())
                == 1;
    }

    @Override
    public void save(Session s) {
        jdbi.useHandle(h -> h.createUpdate(dialect.upsert(
                        "sessions",
                        "token_hash, person_id, created_at, last_seen",
                        "token_hash",
                        ":hash, :person, :created, :seen"))
                .bind("hash", s.tokenHash())
                .bind("person", s.personId())
                .bind("created", s.createdAt().toEpochMilli())
                .bind("seen", s.lastSeen().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<Session> session(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Session(
                        rs.getString("token_hash"),
                        rs.getString("person_id"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("last_seen"))))
                .findOne());
    }

    @Override
    public void deleteSession(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .execute());
    }

    @Override
    public void saveLinkCode(String codeHash, String platform, String platformUser, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO link_codes (code_hash, platform, platform_user, expires_at) "
                        + "VALUES (:hash, :platform, :user, :expires)")
                .bind("hash", codeHash)
                .bind("platform", platform)
                .bind("user", platformUser)
                .bind("expires", expiresAt.toEpochMilli())
                .execute());
    }

    @Override
    public Optional<String[]> useLinkCode(String codeHash, Instant at) {
        return jdbi.inTransaction(h -> {
            int used = h.createUpdate("UPDATE link_codes SET used_at = :at WHERE code_hash = :hash AND used_at IS NULL "
                            + "AND expires_at > :at")
                    .bind("at", at.toEpochMilli())
                    .bind("hash", codeHash)
                    .execute();
            if (used != 1) {
                return Optional.<String[]>empty();
            }
            return h.createQuery("SELECT platform, platform_user FROM link_codes WHERE code_hash = :hash")
                    .bind("hash", codeHash)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                    .findOne();
        });
    }

    @Override
    public void link(String platform, String platformUser, String personId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(dialect.upsert(
                        "identities",
                        "platform, platform_user, person_id, linked_at",
                        "platform, platform_user",
                        ":platform, :user, :person, :at"))
                .bind("platform", platform)
                .bind("user", platformUser)
                .bind("person", personId)
                .bind("at", at.toEpochMilli())
                .execute());
    }

    @Override
    public Optional<String> personOf(String platform, String platformUser) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT person_id FROM identities WHERE platform = :platform AND " + "platform_user = :user")
                .bind("platform", platform)
                .bind("user", platformUser)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public List<String[]> identitiesOf(String personId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT platform, platform_user FROM identities WHERE person_id = "
                        + ":person ORDER BY linked_at")
                .bind("person", personId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .list());
    }

    @Override
    public List<Invite> openInvites(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM invites WHERE used_at IS NULL AND expires_at > :now "
                        + "ORDER BY expires_at DESC")
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Invite(
                        rs.getString("code_hash"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("created_by"),
                        Instant.ofEpochMilli(rs.getLong("expires_at")),
                        null))
                .list());
    }

    private static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Person(
                rs.getString("id"),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("password_hash"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
