package org.mlrcopilot.config;

import java.util.List;

/**
 * Single sign-on through an OpenID Connect provider (authorization code with PKCE), beside local accounts.
 *
 * @param issuer         the provider's issuer URL; empty turns single sign-on off
 * @param allowedDomains e-mail domains whose people may sign in; empty: anyone the provider signs in
 * @param requiredClaim  name=value the ID token must carry (one Slack workspace, one Google Workspace), "" for none
 * @param role           the role of a person the first time they sign in: member or approver
 */
public record OidcConfig(
        String issuer,
        String clientId,
        Secret clientSecret,
        String label,
        List<String> scopes,
        List<String> allowedDomains,
        String requiredClaim,
        String role,
        boolean allowPrivateAddresses) {

    public OidcConfig {
        Key.WEB_OIDC_ISSUER.require(issuer);
        Key.WEB_OIDC_CLIENT_ID.require(clientId);
        Key.WEB_OIDC_CLIENT_SECRET.require(clientSecret);
        Key.WEB_OIDC_LABEL.require(label);
        scopes = List.copyOf(scopes);
        allowedDomains = allowedDomains.stream()
                .map(d -> d.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("^@", ""))
                .toList();
        Key.WEB_OIDC_REQUIRED_CLAIM.require(requiredClaim);
        Key.WEB_OIDC_ROLE.require(role);
        if (!issuer.isBlank() && clientId.isBlank()) {
            throw new ConfigException("web.oidc.clientId is needed with web.oidc.issuer (the client id the provider "
                    + "gave this service)");
        }
    }

    public static OidcConfig off() {
        return new OidcConfig(
                "",
                "",
                Secret.none(),
                "single sign-on",
                List.of("openid", "email", "profile"),
                List.of(),
                "",
                "member",
                false);
    }

    public boolean enabled() {
        return !issuer.isBlank();
    }

    static OidcConfig from(Values v) {
        return new OidcConfig(
                v.text(Key.WEB_OIDC_ISSUER),
                v.text(Key.WEB_OIDC_CLIENT_ID),
                v.secret(Key.WEB_OIDC_CLIENT_SECRET),
                v.text(Key.WEB_OIDC_LABEL),
                v.list(Key.WEB_OIDC_SCOPES),
                v.list(Key.WEB_OIDC_ALLOWED_DOMAINS),
                v.text(Key.WEB_OIDC_REQUIRED_CLAIM),
                v.text(Key.WEB_OIDC_ROLE),
                v.flag(Key.WEB_OIDC_ALLOW_PRIVATE_ADDRESSES));
    }
}
