package org.mlrcopilot.bot.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Local accounts for the web chat: invitations by link (expiring, single use), passwords hashed with Argon2id,
 * sessions with idle and absolute expiry (a new session on every sign-in), failed sign-ins throttled per name and per
 * address. Tokens and invite codes are stored as their SHA-256 only.
 */
public final class Accounts {

    static final Duration INVITE_LIFE = Duration.ofDays(3);
    static final Duration IDLE = Duration.ofHours(12);
    static final Duration ABSOLUTE = Duration.ofDays(7);

    private final AuthStore store;
    private final Clock clock;
    private final Throttle throttle;
    private final AuditLog audit;

    public Accounts(AuthStore store, Clock clock) {
        this(store, clock, AuditLog.none());
    }

    /** With the audit trail that records sign-ins, invitations and role changes. */
    public Accounts(AuthStore store, Clock clock, AuditLog audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttle = new Throttle(clock);
    }

    /** A one-time admin invite when nobody is an admin yet (first start), else empty. */
    public Optional<String> firstAdminInvite() {
        if (store.people().stream().anyMatch(p -> p.role() == Role.ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(newInvite(Role.ADMIN, "first start"));
    }

    /** An invite code for a new person of {@code role}; only admins invite. */
    public String invite(Person by, Role role) {
        if (by.role() != Role.ADMIN) {
            throw new AuthException(403, "only admins invite people");
        }
        String code = newInvite(role, by.id());
        log(by.name(), "", "invite", "a new " + role.name().toLowerCase(java.util.Locale.ROOT));
        return code;
    }

    private String newInvite(Role role, String by) {
        String code = Passwords.token();
        store.save(new AuthStore.Invite(
                Passwords.digest(code), role, by, clock.instant().plus(INVITE_LIFE), null));
        return code;
    }

    /** Accepts an invite: a new person with that role and password; returns a session token. */
    public String accept(String code, String name, String password) {
        String hash = Passwords.digest(code == null ? "" : code);
        AuthStore.Invite invite = store.invite(hash)
                .orElseThrow(() -> new AuthException(404, "this invite link is not valid; ask an admin for a new one"));
        if (invite.usedAt() != null || invite.expiresAt().isBefore(clock.instant())) {
            throw new AuthException(410, "this invite link was used or has expired; ask an admin for a new one");
        }
        if (password == null || password.length() < Passwords.MIN_LENGTH) {
            throw new AuthException(400, "a password has at least " + Passwords.MIN_LENGTH + " characters");
        }
        if (store.personNamed(name == null ? "" : name.strip()).isPresent()) {
            throw new AuthException(409, "the name " + name + " is taken");
        }
        Person person = new Person(
                Passwords.token().substring(0, 12),
                name == null ? "" : name.strip(),
                invite.role(),
                Passwords.hash(password),
                clock.instant());
        if (!store.use(hash, clock.instant())) {
            throw new AuthException(410, "this invite link was used or has expired; ask an admin for a new one");
        }
        store.save(person);
        log(person.name(), "", "join", "as " + person.role().name().toLowerCase(java.util.Locale.ROOT));
        return newSession(person);
    }

    /** Signs in; a new session token every time (no fixation). */
    public String signIn(String name, String password, String address) {
        String who = "name:" + (name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT));
        String from = "address:" + address;
        throttle.check(who, from);
        Optional<Person> person = store.personNamed(name == null ? "" : name.strip());
        if (person.isEmpty()
                || password == null
                || !Passwords.matches(password, person.get().passwordHash())) {
            throttle.failed(who, from);
            log(name, address, "sign-in failed", "");
            throw new AuthException(401, "wrong name or password");
        }
        throttle.succeeded(who);
        log(person.get().name(), address, "sign-in", "");
        return newSession(person.get());
    }

    /** The identity platform under which single sign-on subjects are linked to people. */
    public static final String SSO = "oidc";

    /**
     * Signs in someone a single sign-on provider vouched for: the person linked to that provider's subject, or, the
     * first time, a new person with {@code role} (never an existing account matched by e-mail or name). A new
     * session token every time.
     */
    public String signIn(ExternalIdentity identity, Role role, String address) {
        if (role == Role.ADMIN) {
            throw new IllegalArgumentException("single sign-on never makes admins by itself");
        }
        Optional<Person> known = store.personOf(SSO, identity.key()).flatMap(store::person);
        Person person;
        if (known.isPresent()) {
            person = known.get();
        } else {
            person = new Person(Passwords.token().substring(0, 12), freeName(identity), role, "", clock.instant());
            store.save(person);
            store.link(SSO, identity.key(), person.id(), clock.instant());
            log(
                    person.name(),
                    address,
                    "join",
                    "through single sign-on as "
                            + role.name().toLowerCase(java.util.Locale.ROOT)
                            + (identity.email().isEmpty() ? "" : " (" + identity.email() + ")"));
        }
        log(person.name(), address, "sign-in", "single sign-on");
        return newSession(person);
    }

    /** A display name from the identity that fits a person's name and is not taken: "Ada Lovelace", "ada 2". */
    private String freeName(ExternalIdentity identity) {
        String base = identity.name().isBlank() ? identity.email().replaceFirst("@.*", "") : identity.name();
        base = base.replaceAll("[^\\p{L}\\p{N}._@ -]", "").strip();
        if (base.length() > 50) {
            base = base.substring(0, 50).strip();
        }
        if (base.length() < 2) {
            base = "person";
        }
        String name = base;
        for (int n = 2; store.personNamed(name).isPresent(); n++) {
            name = base + " " + n;
        }
        return name;
    }

    /** The person a session token belongs to, when the session is alive; marks it seen. */
    public Optional<Person> person(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = Passwords.digest(token);
        Optional<AuthStore.Session> session = store.session(hash);
        Instant now = clock.instant();
        if (session.isEmpty()) {
            return Optional.empty();
        }
        AuthStore.Session s = session.get();
        if (s.lastSeen().plus(IDLE).isBefore(now)
                || s.createdAt().plus(ABSOLUTE).isBefore(now)) {
            store.deleteSession(hash);
            return Optional.empty();
        }
        if (s.lastSeen().plus(Duration.ofMinutes(1)).isBefore(now)) {
            store.save(new AuthStore.Session(hash, s.personId(), s.createdAt(), now));
        }
        return store.person(s.personId());
    }

    public void signOut(String token) {
        if (token != null && !token.isBlank()) {
            store.deleteSession(Passwords.digest(token));
        }
    }

    /** Changes a person's role; only admins do. */
    public Person setRole(Person by, String personId, Role role) {
        if (by.role() != Role.ADMIN) {
            throw new AuthException(403, "only admins change roles");
        }
        Person p = store.person(personId).orElseThrow(() -> new AuthException(404, "no such person"));
        Person next = p.withRole(role);
        store.save(next);
        log(by.name(), "", "role", p.name() + " -> " + role.name().toLowerCase(java.util.Locale.ROOT));
        return next;
    }

    static final Duration LINK_LIFE = Duration.ofMinutes(10);

    /** A one-time code (10 minutes) a platform user enters in the web chat to link their identity to their account. */
    public String linkCode(String platform, String platformUser) {
        String code = Passwords.token().substring(0, 10);
        store.saveLinkCode(
                Passwords.digest(code), platform, platformUser, clock.instant().plus(LINK_LIFE));
        return code;
    }

    /** Links the platform identity the code was made for to {@code person}. */
    public void link(Person person, String code) {
        String[] identity = store.useLinkCode(Passwords.digest(code == null ? "" : code.strip()), clock.instant())
                .orElseThrow(() -> new AuthException(
                        404,
                        "this link code is not valid or has expired; ask the bot " + "for a new one with /mlr link"));
        store.link(identity[0], identity[1], person.id(), clock.instant());
        log(person.name(), "", "link", identity[0] + " user " + identity[1]);
    }

    /** The web account a platform identity is linked to. */
    public Optional<Person> personOf(String platform, String platformUser) {
        return store.personOf(platform, platformUser).flatMap(store::person);
    }

    /** A person by id, empty for someone without an account. */
    public Optional<Person> personById(String personId) {
        return store.person(personId);
    }

    /** The role of a person by id, empty for someone without an account. */
    public Optional<Role> role(String personId) {
        return store.person(personId).map(Person::role);
    }

    /** A person's linked identities, as "slack U0123" (single sign-on: "sign-on <issuer>"). */
    public java.util.List<String> identities(String personId) {
        return store.identitiesOf(personId).stream()
                .map(i -> i[0].equals(SSO)
                        ? "sign-on " + i[1].substring(0, Math.max(0, i[1].indexOf(' ')))
                        : i[0] + " " + i[1])
                .toList();
    }

    /** The invites still open, for admins: role, who made it (name), until when. */
    public java.util.List<String[]> openInvites(Person by) {
        if (by.role() != Role.ADMIN) {
            throw new AuthException(403, "only admins see the invites");
        }
        return store.openInvites(clock.instant()).stream()
                .map(i -> new String[] {
                    i.role().name().toLowerCase(java.util.Locale.ROOT),
                    store.person(i.createdBy()).map(Person::name).orElse(i.createdBy()),
                    i.expiresAt().toString()
                })
                .toList();
    }

    public java.util.List<Person> people() {
        return store.people();
    }

    private void log(String who, String address, String action, String detail) {
        audit.record(new AuditLog.Entry(clock.instant(), who, "web", address, action, detail));
    }

    private String newSession(Person person) {
        String token = Passwords.token();
        Instant now = clock.instant();
        store.save(new AuthStore.Session(Passwords.digest(token), person.id(), now, now));
        return token;
    }
}
