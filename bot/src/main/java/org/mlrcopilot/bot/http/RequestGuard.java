package org.mlrcopilot.bot.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every request passes before a route sees it: its {@code Host} must be one the service is reached by (a page
 * elsewhere cannot drive the API through DNS rebinding); a state-changing request from another site is refused (its
 * {@code Origin}, or {@code Sec-Fetch-Site: cross-site}); {@code /metrics} needs the bearer token when one is set.
 * {@code /healthz} stays open to probes.
 */
public final class RequestGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OPEN = Set.of("/healthz");

    private static final List<String> PUBLIC_PREFIXES = List.of(
            "/signin",
            "/invite/",
            "/api/auth/signin",
            "/api/auth/accept",
            "/api/auth/providers",
            "/api/auth/oidc/",
            "/static/",
            "/slack/events",
            "/metrics");

    private final Set<String> hosts;
    private final String metricsToken;
    private final AuthRoutes auth;

    /**
     * @param allowedHosts host names the service is reached by (loopback names are always allowed)
     * @param metricsToken the bearer token /metrics needs, "" for none
     */
    public RequestGuard(List<String> allowedHosts, String metricsToken) {
        this(allowedHosts, metricsToken, null);
    }

    /** With sign-in: every route but the sign-in pages, Slack's signed events and health needs a session. */
    public RequestGuard(List<String> allowedHosts, String metricsToken, AuthRoutes auth) {
        this.auth = auth;
        Set<String> all = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]", "::1"));
        allowedHosts.stream()
                .filter(h -> h != null && !h.isBlank())
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .forEach(all::add);
        this.hosts = Set.copyOf(all);
        this.metricsToken = metricsToken == null ? "" : metricsToken;
    }

    /** The host of a URL setting such as web.publicUrl, "" when blank. */
    public static String hostOf(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String host = URI.create(url.strip()).getHost();
        return host == null ? "" : host;
    }

    void check(Context ctx) {
        if (OPEN.contains(ctx.path())) {
            return;
        }
        String host = hostName(ctx.header("Host"));
        if (!hosts.contains(host)) {
            throw new HttpResponseException(
                    421,
                    "this service is not reached as " + host
                            + "; add the name to web.allowedHosts (or web.publicUrl) if it is yours");
        }
        if (!SAFE.contains(ctx.method().name()) && crossSite(ctx)) {
            throw new ForbiddenResponse("cross-site requests are refused");
        }
        if (ctx.path().equals("/metrics") && !metricsToken.isEmpty() && !bearer(ctx)) {
            throw new UnauthorizedResponse("/metrics needs the token of web.metricsToken (Authorization: Bearer)");
        }
        if (auth != null) {
            signedIn(ctx);
        }
    }

    private void signedIn(Context ctx) {
        var person = auth.person(ctx);
        if (person.isPresent()) {
            ctx.attribute(AuthRoutes.PERSON, person.get());
            return;
        }
        String path = ctx.path();
        if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            return;
        }
        if (path.startsWith("/api/") || path.startsWith("/files/")) {
            throw new UnauthorizedResponse("sign in first (/signin)");
        }
        ctx.header("Location", "/signin");
        throw new HttpResponseException(302, "sign in at /signin");
    }

    private boolean crossSite(Context ctx) {
        if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) {
            return false;
        }
        if (origin.equals("null")) {
            return true;
        }
        String originHost = hostOf(origin);
        return originHost.isEmpty()
                || !hosts.contains(originHost.toLowerCase(Locale.ROOT))
                || !sameHostAndPort(origin, ctx.header("Host"));
    }

    private static boolean sameHostAndPort(String origin, String hostHeader) {
        URI o = URI.create(origin);
        String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
        String host = hostHeader == null ? "" : hostHeader.strip().toLowerCase(Locale.ROOT);
        String bare = authority.toLowerCase(Locale.ROOT);
        boolean defaultPort = ("http".equals(o.getScheme()) && host.equals(bare + ":80"))
                || ("https".equals(o.getScheme()) && host.equals(bare + ":443"));
        return host.equals(bare) || defaultPort;
    }

    private boolean bearer(Context ctx) {
        String header = ctx.header("Authorization");
        String expected = "Bearer " + metricsToken;
        return header != null
                && MessageDigest.isEqual(
                        header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
