package org.mlrcopilot.bot.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.bot.store.Store;
import org.mlrcopilot.bot.store.Stores;

/** Local accounts over the real store (in memory): expiry of sessions and invites, hashing, roles. */
class AccountsTest {

    private final Store store = Stores.inMemory("accounts-" + System.nanoTime());
    private final MovingClock clock = new MovingClock();
    private final Accounts accounts = new Accounts(store.auth(), clock, store.audit());

    @AfterEach
    void close() {
        store.close();
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-04T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration d) {
            now = now.plus(d);
        }
    }

    private String admin() {
        return accounts.accept(accounts.firstAdminInvite().orElseThrow(), "ada", "correct horse battery");
    }

    @Test
    void sessionsEndWhenIdleOrOld() {
        String token = admin();
        assertThat(accounts.person(token)).isPresent();
        clock.pass(Accounts.IDLE.minusMinutes(5));
        assertThat(accounts.person(token))
                .as("seen again before the idle limit")
                .isPresent();
        clock.pass(Accounts.IDLE.minusMinutes(5));
        assertThat(accounts.person(token)).isPresent();
        clock.pass(Accounts.IDLE.plusMinutes(1));
        assertThat(accounts.person(token)).as("idle too long").isEmpty();

        String fresh = accounts.signIn("ada", "correct horse battery", "10.0.0.1");
        for (int i = 0; i < 16; i++) {
            clock.pass(Duration.ofHours(11));
            accounts.person(fresh);
        }
        assertThat(accounts.person(fresh))
                .as("older than the absolute limit, though never idle")
                .isEmpty();
    }

    @Test
    void invitesExpireAndOnlyAdminsInviteOrChangeRoles() {
        String ada = admin();
        Person admin = accounts.person(ada).orElseThrow();
        String code = accounts.invite(admin, Role.MEMBER);
        clock.pass(Accounts.INVITE_LIFE.plusMinutes(1));
        assertThatThrownBy(() -> accounts.accept(code, "bob", "bob's long password"))
                .isInstanceOf(AuthException.class)
                .hasMessageContaining("expired");
        assertThat(accounts.firstAdminInvite()).as("an admin exists").isEmpty();

        Person bob = accounts.person(accounts.accept(accounts.invite(admin, Role.MEMBER), "bob", "bob's long password"))
                .orElseThrow();
        assertThatThrownBy(() -> accounts.invite(bob, Role.ADMIN)).hasMessageContaining("only admins");
        assertThatThrownBy(() -> accounts.setRole(bob, bob.id(), Role.ADMIN)).hasMessageContaining("only admins");
        assertThat(accounts.setRole(admin, bob.id(), Role.APPROVER).role()).isEqualTo(Role.APPROVER);
        assertThat(accounts.role(bob.id())).contains(Role.APPROVER);
    }

    @Test
    void passwordsAreArgon2idHashesAndTokensAreNotStored() {
        String token = admin();
        Person ada = accounts.person(token).orElseThrow();
        assertThat(ada.passwordHash())
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
                .doesNotContain("correct horse battery");
        assertThat(Passwords.matches("correct horse battery", ada.passwordHash()))
                .isTrue();
        assertThat(Passwords.matches("wrong", ada.passwordHash())).isFalse();
        assertThat(store.auth().session(token)).as("looked up by its hash only").isEmpty();
        assertThat(store.auth().session(Passwords.digest(token))).isPresent();
        assertThatThrownBy(() -> accounts.accept(accounts.invite(ada, Role.MEMBER), "bob", "short"))
                .hasMessageContaining("at least 10");
    }
}
