package org.mlrcopilot.bot.auth;

import java.util.Objects;

/**
 * Someone a single sign-on provider vouched for, after their ID token was verified.
 *
 * @param issuer  the provider's issuer
 * @param subject the provider's stable id of the person (never the e-mail, which can change hands)
 * @param email   the e-mail address, "" when not given or not verified
 * @param name    a display name to start from, "" when none
 */
public record ExternalIdentity(String issuer, String subject, String email, String name) {

    public ExternalIdentity {
        Objects.requireNonNull(issuer, "issuer");
        if (subject == null || subject.isBlank()) {
            throw new AuthException(401, "the sign-in provider named nobody");
        }
        email = Objects.requireNonNullElse(email, "");
        name = Objects.requireNonNullElse(name, "");
    }

    /** The identity's key among linked identities: issuer and subject. */
    String key() {
        return issuer + " " + subject;
    }
}
