package org.mlrcopilot.bot.auth.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.bot.auth.AuthException;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/**
 * The provider's discovery document and signing keys, fetched through the guarded client and kept: the discovery
 * document for an hour, the keys until a token names a key they lack (a rotation), then fetched again at most once
 * a minute.
 */
final class ProviderDocuments implements JWKSource<SecurityContext> {

    private static final Duration METADATA_LIFE = Duration.ofHours(1);
    private static final Duration KEYS_REFRESH = Duration.ofMinutes(1);

    private final String issuer;
    private final GuardedHttpClient http;
    private final Clock clock;
    private OIDCProviderMetadata metadata;
    private Instant metadataAt = Instant.MIN;
    private JWKSet keys;
    private Instant keysAt = Instant.MIN;

    ProviderDocuments(String issuer, GuardedHttpClient http, Clock clock) {
        this.issuer = issuer.replaceAll("/+$", "");
        this.http = http;
        this.clock = clock;
    }

    /** The discovery document, whose issuer must be the configured one. */
    synchronized OIDCProviderMetadata metadata() {
        if (metadata == null || metadataAt.plus(METADATA_LIFE).isBefore(clock.instant())) {
            String text = fetch(URI.create(issuer + "/.well-known/openid-configuration"));
            try {
                OIDCProviderMetadata parsed = OIDCProviderMetadata.parse(text);
                if (!sameIssuer(parsed.getIssuer().getValue(), issuer)) {
                    throw unavailable("its discovery document names another issuer ("
                            + parsed.getIssuer().getValue() + ")");
                }
                if (parsed.getTokenEndpointURI() == null || parsed.getJWKSetURI() == null) {
                    throw unavailable("its discovery document has no token endpoint or no keys");
                }
                metadata = parsed;
                metadataAt = clock.instant();
            } catch (ParseException e) {
                throw unavailable("its discovery document is not valid (" + e.getMessage() + ")");
            }
        }
        return metadata;
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        try {
            if (keys == null) {
                refreshKeys();
            }
            List<JWK> found = selector.select(keys);
            if (found.isEmpty() && keysAt.plus(KEYS_REFRESH).isBefore(clock.instant())) {
                refreshKeys();
                found = selector.select(keys);
            }
            return found;
        } catch (AuthException e) {
            throw new KeySourceException(e.getMessage(), e);
        }
    }

    private void refreshKeys() {
        String text = fetch(metadata().getJWKSetURI());
        try {
            keys = JWKSet.parse(text);
            keysAt = clock.instant();
        } catch (java.text.ParseException e) {
            throw unavailable("its signing keys are not a valid key set");
        }
    }

    private String fetch(URI uri) {
        try {
            return http.get(FetchRequest.get(uri)
                            .header("Accept", "application/json, application/jwk-set+json")
                            .retries(1))
                    .text();
        } catch (FetchException e) {
            throw unavailable(e.getMessage());
        }
    }

    static boolean sameIssuer(String a, String b) {
        return a.replaceAll("/+$", "").equals(b.replaceAll("/+$", ""));
    }

    private static AuthException unavailable(String why) {
        return new AuthException(502, "the sign-in provider cannot be used now: " + why);
    }
}
