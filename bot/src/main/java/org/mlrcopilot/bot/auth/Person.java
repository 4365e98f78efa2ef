package org.mlrcopilot.bot.auth;

import java.time.Instant;
import java.util.Objects;

/** Someone with a web account. {@code passwordHash} is an Argon2id PHC string, never a password. */
public record Person(String id, String name, Role role, String passwordHash, Instant createdAt) {

    public Person {
        Objects.requireNonNull(id, "id");
        if (name == null || !name.matches("[\\p{L}\\p{N}._@ -]{2,60}")) {
            throw new AuthException(400, "a name is 2-60 letters, digits, spaces or . _ @ -");
        }
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Person withRole(Role next) {
        return new Person(id, name, next, passwordHash, createdAt);
    }
}
