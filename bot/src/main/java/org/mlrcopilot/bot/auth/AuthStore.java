package org.mlrcopilot.bot.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where people, invites and sessions are kept; tokens and codes only as their SHA-256. */
public interface AuthStore {

    Optional<Person> person(String id);

    Optional<Person> personNamed(String name);

    List<Person> people();

    void save(Person person);

    /** An invite: who it is for (its role), until when it holds; used once. */
    record Invite(String codeHash, Role role, String createdBy, Instant expiresAt, Instant usedAt) {}

    void save(Invite invite);

    Optional<Invite> invite(String codeHash);

    /** Marks the invite used; false when it was used already (single use, even under a race). */
    boolean use(String codeHash, Instant at);

    /** A signed-in browser: whose, since when, last seen. */
    record Session(String tokenHash, String personId, Instant createdAt, Instant lastSeen) {}

    void save(Session session);

    Optional<Session> session(String tokenHash);

    void deleteSession(String tokenHash);

    /** A one-time code a platform user asked for, to link their identity to a web account. */
    void saveLinkCode(String codeHash, String platform, String platformUser, Instant expiresAt);

    /** Uses a link code: the platform and user it was made for, when it is valid and unused (single use). */
    Optional<String[]> useLinkCode(String codeHash, Instant at);

    void link(String platform, String platformUser, String personId, Instant at);

    /** The chat identities linked to a person, as {platform, platform user}; single sign-on subjects included. */
    List<String[]> identitiesOf(String personId);

    /** The invites neither used nor expired at {@code now}, newest first. */
    List<Invite> openInvites(Instant now);

    /** The person a platform identity is linked to. */
    Optional<String> personOf(String platform, String platformUser);
}
