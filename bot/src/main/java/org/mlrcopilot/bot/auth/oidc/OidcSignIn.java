package org.mlrcopilot.bot.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.bot.auth.AuthException;
import org.mlrcopilot.bot.auth.ExternalIdentity;
import org.mlrcopilot.config.OidcConfig;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/**
 * Single sign-on with an OpenID Connect provider: the authorization-code flow with PKCE (S256), a state bound to the
 * browser and a nonce bound to the ID token. The ID token is verified with the provider's published keys (asymmetric
 * algorithms only), its issuer, audience, expiry and nonce; then the e-mail domain and the required claim are
 * checked. Every request to the provider goes through the guarded client.
 */
public final class OidcSignIn {

    static final Duration PENDING_LIFE = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512,
            JWSAlgorithm.EdDSA);

    /** A sign-in under way: what the callback must match. */
    private record Pending(Nonce nonce, CodeVerifier verifier, Instant createdAt) {}

    /** Where to send the browser, and the state to bind to it (a cookie). */
    public record Start(URI authorizationUri, String state) {}

    private final OidcConfig config;
    private final URI redirectUri;
    private final Clock clock;
    private final ProviderDocuments documents;
    private final GuardedHttpClient http;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /**
     * @param redirectUri this service's callback, {@code <web.publicUrl>/api/auth/oidc/callback}
     * @param http        the guarded client the provider is reached through
     */
    public OidcSignIn(OidcConfig config, URI redirectUri, GuardedHttpClient http, Clock clock) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("single sign-on is off (web.oidc.issuer is empty)");
        }
        this.config = config;
        this.redirectUri = redirectUri;
        this.clock = clock;
        this.http = http;
        this.documents = new ProviderDocuments(config.issuer(), http, clock);
    }

    public String label() {
        return config.label();
    }

    /** Starts a sign-in: a fresh state, nonce and PKCE verifier; the provider's authorization address. */
    public Start start() {
        OIDCProviderMetadata metadata = documents.metadata();
        forgetStale();
        if (pending.size() >= MAX_PENDING) {
            throw new AuthException(429, "too many sign-ins are under way; try again in a few minutes");
        }
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        pending.put(state.getValue(), new Pending(nonce, verifier, clock.instant()));
        AuthenticationRequest request = new AuthenticationRequest.Builder(
                        ResponseType.CODE, scope(), new ClientID(config.clientId()), redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return new Start(request.toURI(), state.getValue());
    }

    /**
     * Finishes a sign-in from the provider's redirect: the state must be the one this browser started with (its
     * cookie) and still pending; the code is exchanged and the ID token verified.
     */
    public ExternalIdentity finish(String state, String browserState, String code, String error) {
        if (state == null || state.isBlank() || browserState == null || !state.equals(browserState)) {
            throw new AuthException(400, "this sign-in was not started in this browser; start again");
        }
        Pending started = pending.remove(state);
        if (started == null || started.createdAt().plus(PENDING_LIFE).isBefore(clock.instant())) {
            throw new AuthException(400, "this sign-in took too long or was already used; start again");
        }
        if (error != null && !error.isBlank()) {
            throw new AuthException(401, "the sign-in provider did not sign you in (" + error + ")");
        }
        if (code == null || code.isBlank()) {
            throw new AuthException(400, "the sign-in provider sent no code; start again");
        }
        OIDCTokens tokens = exchange(code, started.verifier());
        IDTokenClaimsSet claims = verify(tokens.getIDToken(), started.nonce());
        return admit(claims);
    }

    private OIDCTokens exchange(String code, CodeVerifier verifier) {
        OIDCProviderMetadata metadata = documents.metadata();
        TokenRequest request = new TokenRequest(
                metadata.getTokenEndpointURI(),
                authentication(metadata),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier));
        HTTPRequest out = request.toHTTPRequest();
        FetchRequest post = FetchRequest.post(
                        out.getURI(),
                        "application/x-www-form-urlencoded",
                        out.getBody().getBytes(StandardCharsets.UTF_8))
                .withErrorAnswers()
                .retries(0)
                .header("Accept", "application/json");
        for (Map.Entry<String, List<String>> header : out.getHeaderMap().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type")
                    && !header.getValue().isEmpty()) {
                post = post.header(header.getKey(), header.getValue().get(0));
            }
        }
        try {
            var fetched = http.get(post);
            HTTPResponse response = new HTTPResponse(fetched.status());
            response.setHeader(
                    "Content-Type", fetched.contentType().isBlank() ? "application/json" : fetched.contentType());
            response.setBody(fetched.text());
            TokenResponse parsed = OIDCTokenResponseParser.parse(response);
            if (!parsed.indicatesSuccess()) {
                ErrorObject e = parsed.toErrorResponse().getErrorObject();
                throw new AuthException(
                        401,
                        "the sign-in provider refused the sign-in (" + e.getCode()
                                + (e.getDescription() == null ? "" : ": " + e.getDescription()) + "); start again");
            }
            OIDCTokens tokens = parsed.toSuccessResponse().getTokens().toOIDCTokens();
            if (tokens.getIDToken() == null) {
                throw new AuthException(401, "the sign-in provider sent no ID token");
            }
            return tokens;
        } catch (FetchException e) {
            throw new AuthException(502, "the sign-in provider cannot be reached: " + e.getMessage());
        } catch (ParseException e) {
            throw new AuthException(502, "the sign-in provider's answer is not a valid token response");
        }
    }

    private ClientAuthentication authentication(OIDCProviderMetadata metadata) {
        if (!config.clientSecret().isPresent()) {
            return null;
        }
        ClientID id = new ClientID(config.clientId());
        Secret secret = new Secret(config.clientSecret().reveal());
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        boolean postOnly = methods != null
                && !methods.isEmpty()
                && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        return postOnly ? new ClientSecretPost(id, secret) : new ClientSecretBasic(id, secret);
    }

    private IDTokenClaimsSet verify(JWT idToken, Nonce nonce) {
        OIDCProviderMetadata metadata = documents.metadata();
        Set<JWSAlgorithm> allowed = new LinkedHashSet<>(ALGORITHMS);
        if (metadata.getIDTokenJWSAlgs() != null
                && !metadata.getIDTokenJWSAlgs().isEmpty()) {
            allowed.retainAll(metadata.getIDTokenJWSAlgs());
        }
        IDTokenValidator validator = new IDTokenValidator(
                new Issuer(metadata.getIssuer().getValue()),
                new ClientID(config.clientId()),
                new JWSVerificationKeySelector<SecurityContext>(allowed, documents),
                null);
        validator.setMaxClockSkew(60);
        try {
            return validator.validate(idToken, nonce);
        } catch (BadJOSEException | JOSEException e) {
            throw new AuthException(401, "the sign-in provider's ID token was refused: " + reason(e));
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 160 ? message.substring(0, 160) : message;
    }

    private ExternalIdentity admit(IDTokenClaimsSet claims) {
        String email = claims.getStringClaim("email");
        Boolean verified = claims.getBooleanClaim("email_verified");
        boolean vouched = email != null && !email.isBlank() && !Boolean.FALSE.equals(verified);
        if (!config.allowedDomains().isEmpty()) {
            String domain =
                    vouched ? email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT) : "";
            if (!vouched || !config.allowedDomains().contains(domain)) {
                throw new AuthException(
                        403,
                        "this service admits people of " + String.join(", ", config.allowedDomains()) + " only"
                                + (vouched ? ", not " + domain : "; the provider gave no verified e-mail address"));
            }
        }
        if (!config.requiredClaim().isBlank()) {
            int eq = config.requiredClaim().indexOf('=');
            String name = config.requiredClaim().substring(0, eq);
            String value = config.requiredClaim().substring(eq + 1);
            Object actual = claims.getClaim(name);
            if (actual == null || !value.equals(String.valueOf(actual))) {
                throw new AuthException(
                        403, "this service admits only people whose sign-in carries " + name + "=" + value);
            }
        }
        String name = claims.getStringClaim("name");
        if (name == null || name.isBlank()) {
            name = claims.getStringClaim("preferred_username");
        }
        return new ExternalIdentity(
                claims.getIssuer().getValue(), claims.getSubject().getValue(), vouched ? email : "", name);
    }

    private Scope scope() {
        Scope scope = new Scope("openid");
        config.scopes().stream()
                .filter(s -> !s.isBlank() && !s.equals("openid"))
                .forEach(scope::add);
        return scope;
    }

    private void forgetStale() {
        Instant cutoff = clock.instant().minus(PENDING_LIFE);
        pending.values().removeIf(p -> p.createdAt().isBefore(cutoff));
    }
}
