package org.mlrcopilot.bot.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * An OpenID Connect provider at the wire, in the shapes of the specifications (OpenID Connect Discovery 1.0, RFC 7517
 * JWK sets, RFC 6749 token endpoint with RFC 7636 PKCE): a discovery document, its keys, an authorization endpoint
 * that signs in {@link #nextPerson} at once and redirects back with a code, and a token endpoint that checks the
 * client's secret, the redirect URI and the PKCE verifier before answering with an RS256-signed ID token. A
 * {@link Tamper} makes the next ID token wrong in one way.
 */
public final class FakeOidcProvider implements AutoCloseable {

    /** One way to make an ID token wrong. */
    public enum Tamper {
        NONE,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        WRONG_NONCE,
        EXPIRED,
        BAD_SIGNATURE,
        UNSIGNED
    }

    /** Who the authorization endpoint signs in: the subject and claims of their ID token. */
    public record SignedInPerson(String subject, Map<String, Object> claims) {}

    private record Authorization(
            String clientId, String redirectUri, String nonce, String challenge, SignedInPerson person) {}

    private final MockWebServer server = new MockWebServer();
    private final RSAKey key;
    private final RSAKey otherKey;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
    /** Every token request's form, as received. */
    public final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    /** Every token request's Authorization header. */
    public final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();

    public volatile SignedInPerson nextPerson = person("248289761001", "Ada Lovelace", "ada@example.org", true);
    public volatile Tamper tamper = Tamper.NONE;

    public FakeOidcProvider(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            key = new RSAKeyGenerator(2048).keyID("k1").generate();
            otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return answer(request);
                }
            });
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A person with a name and an e-mail address (verified or not) and a Slack workspace claim. */
    public static SignedInPerson person(String subject, String name, String email, boolean verified) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", name);
        claims.put("email", email);
        claims.put("email_verified", verified);
        claims.put("https://slack.com/team_id", "T0LAB");
        return new SignedInPerson(subject, claims);
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath();
        return switch (path) {
            case "/.well-known/openid-configuration" ->
                json(
                        200,
                        "{\"issuer\":\"" + issuer() + "\","
                                + "\"authorization_endpoint\":\"" + issuer() + "/authorize\","
                                + "\"token_endpoint\":\"" + issuer() + "/token\","
                                + "\"jwks_uri\":\"" + issuer() + "/jwks\","
                                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                                + "\"code_challenge_methods_supported\":[\"S256\"],"
                                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"],"
                                + "\"scopes_supported\":[\"openid\",\"email\",\"profile\"]}");
            case "/jwks" -> json(200, new JWKSet(key.toPublicJWK()).toString());
            case "/authorize" -> authorize(request);
            case "/token" -> token(request);
            default -> new MockResponse().setResponseCode(404);
        };
    }

    private MockResponse authorize(RecordedRequest request) {
        var url = request.getRequestUrl();
        if (!"code".equals(url.queryParameter("response_type"))
                || !clientId.equals(url.queryParameter("client_id"))
                || !"S256".equals(url.queryParameter("code_challenge_method"))
                || url.queryParameter("code_challenge") == null
                || url.queryParameter("nonce") == null
                || !String.valueOf(url.queryParameter("scope")).contains("openid")) {
            return json(400, "{\"error\":\"invalid_request\"}");
        }
        String code = "code-" + codes.size() + "-" + Long.toHexString(System.nanoTime());
        codes.put(
                code,
                new Authorization(
                        clientId,
                        url.queryParameter("redirect_uri"),
                        url.queryParameter("nonce"),
                        url.queryParameter("code_challenge"),
                        nextPerson));
        String back = url.queryParameter("redirect_uri") + "?code=" + enc(code) + "&state="
                + enc(url.queryParameter("state"));
        return new MockResponse().setResponseCode(302).setHeader("Location", back);
    }

    private MockResponse token(RecordedRequest request) {
        Map<String, String> form = form(request.getBody().readUtf8());
        tokenRequests.add(form);
        String auth = request.getHeader("Authorization");
        tokenAuthorizations.add(auth == null ? "" : auth);
        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString((enc(clientId) + ":" + enc(clientSecret)).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            return json(401, "{\"error\":\"invalid_client\"}");
        }
        Authorization a = codes.remove(String.valueOf(form.get("code")));
        if (a == null
                || !"authorization_code".equals(form.get("grant_type"))
                || !a.redirectUri().equals(form.get("redirect_uri"))) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"unknown or used code\"}");
        }
        if (form.get("code_verifier") == null || !a.challenge().equals(s256(form.get("code_verifier")))) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
        }
        return json(
                200,
                "{\"access_token\":\"at-" + Long.toHexString(System.nanoTime()) + "\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\"" + idToken(a) + "\"}");
    }

    private String idToken(Authorization a) {
        long now = System.currentTimeMillis();
        Tamper t = tamper;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(t == Tamper.WRONG_ISSUER ? "https://evil.example" : issuer())
                .subject(a.person().subject())
                .audience(t == Tamper.WRONG_AUDIENCE ? "someone-else" : a.clientId())
                .issueTime(new Date(now - (t == Tamper.EXPIRED ? 7_200_000 : 0)))
                .expirationTime(new Date(now + (t == Tamper.EXPIRED ? -3_600_000 : 600_000)))
                .claim("nonce", t == Tamper.WRONG_NONCE ? "not-the-nonce" : a.nonce());
        a.person().claims().forEach(claims::claim);
        try {
            if (t == Tamper.UNSIGNED) {
                return new PlainJWT(claims.build()).serialize();
            }
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims.build());
            jwt.sign(new RSASSASigner(t == Tamper.BAD_SIGNATURE ? otherKey : key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    /** Query parameters of a URI. */
    public static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery() == null ? "" : uri.getRawQuery());
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
