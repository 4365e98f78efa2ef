package org.mlrcopilot.bot.http;

import static org.mlrcopilot.bot.http.WebServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.mlrcopilot.bot.auth.Accounts;
import org.mlrcopilot.bot.auth.AuthException;
import org.mlrcopilot.bot.auth.ExternalIdentity;
import org.mlrcopilot.bot.auth.Person;
import org.mlrcopilot.bot.auth.Role;
import org.mlrcopilot.bot.auth.oidc.OidcSignIn;

/**
 * Sign-in for the web chat with local accounts ({@code web.auth=local}): the sign-in and invite pages, sign-in and
 * sign-out, accepting an invite, single sign-on through an OpenID Connect provider when one is set, and, for admins,
 * inviting people and setting roles. The session lives in an
 * {@code HttpOnly}, {@code SameSite=Lax} cookie ({@code Secure} when {@code web.publicUrl} is https).
 */
public final class AuthRoutes implements Routes {

    public static final String COOKIE = "mlr_session";
    public static final String PERSON = "mlr.person";
    static final String SSO_STATE = "mlr_sso_state";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Accounts accounts;
    private final boolean secure;
    private final String publicBase;

    private final org.mlrcopilot.bot.auth.AuditLog audit;

    private final OidcSignIn sso;
    private final Role ssoRole;

    public AuthRoutes(Accounts accounts, String publicBase, org.mlrcopilot.bot.auth.AuditLog audit) {
        this(accounts, publicBase, audit, null, Role.MEMBER);
    }

    /**
     * With single sign-on through {@code sso} (null for none); people new to the service join with {@code ssoRole}.
     */
    public AuthRoutes(
            Accounts accounts,
            String publicBase,
            org.mlrcopilot.bot.auth.AuditLog audit,
            OidcSignIn sso,
            Role ssoRole) {
        this.sso = sso;
        this.ssoRole = ssoRole;
        this.audit = audit;
        this.accounts = accounts;
        this.publicBase = publicBase;
        this.secure = publicBase.startsWith("https:");
    }

    /** The signed-in person of the request, if any. */
    public Optional<Person> person(Context ctx) {
        return accounts.person(ctx.cookie(COOKIE));
    }

    @Override
    public void register(RoutesConfig r) {
        r.get(
                "/api/auth/providers",
                ctx -> json(
                        ctx,
                        sso == null
                                ? Map.of("local", true)
                                : Map.of(
                                        "local",
                                        true,
                                        "sso",
                                        Map.of("label", sso.label(), "start", "/api/auth/oidc/start"))));
        if (sso != null) {
            r.get("/api/auth/oidc/start", ctx -> {
                try {
                    OidcSignIn.Start start = sso.start();
                    Cookie state = new Cookie(
                            SSO_STATE,
                            start.state(),
                            "/api/auth/oidc",
                            (int) java.time.Duration.ofMinutes(10).toSeconds(),
                            secure);
                    state.setHttpOnly(true);
                    state.setSameSite(SameSite.LAX);
                    ctx.cookie(state);
                    ctx.redirect(start.authorizationUri().toString(), io.javalin.http.HttpStatus.FOUND);
                } catch (AuthException e) {
                    failedPage(ctx, e);
                }
            });
            r.get("/api/auth/oidc/callback", ctx -> {
                String browserState = ctx.cookie(SSO_STATE);
                ctx.removeCookie(SSO_STATE, "/api/auth/oidc");
                try {
                    ExternalIdentity who = sso.finish(
                            ctx.queryParam("state"), browserState, ctx.queryParam("code"), ctx.queryParam("error"));
                    setSession(ctx, accounts.signIn(who, ssoRole, ctx.ip()));
                    ctx.redirect("/", io.javalin.http.HttpStatus.FOUND);
                } catch (AuthException e) {
                    audit.record(new org.mlrcopilot.bot.auth.AuditLog.Entry(
                            java.time.Instant.now(),
                            "",
                            "web",
                            ctx.ip(),
                            "sign-in failed",
                            "single sign-on: " + e.getMessage()));
                    failedPage(ctx, e);
                }
            });
        }
        r.post(
                "/api/auth/signin",
                ctx -> answer(ctx, () -> {
                    JsonNode b = body(ctx);
                    signedIn(
                            ctx,
                            accounts.signIn(
                                    b.path("name").asText(), b.path("password").asText(), ctx.ip()));
                }));
        r.post(
                "/api/auth/accept",
                ctx -> answer(ctx, () -> {
                    JsonNode b = body(ctx);
                    signedIn(
                            ctx,
                            accounts.accept(
                                    b.path("code").asText(),
                                    b.path("name").asText(),
                                    b.path("password").asText()));
                }));
        r.post("/api/auth/signout", ctx -> {
            accounts.signOut(ctx.cookie(COOKIE));
            ctx.removeCookie(COOKIE, "/");
            json(ctx, Map.of("signedOut", true));
        });
        r.post(
                "/api/auth/link",
                ctx -> answer(ctx, () -> {
                    accounts.link(signedIn(ctx), body(ctx).path("code").asText());
                    json(ctx, Map.of("linked", true));
                }));
        r.get("/api/auth/me", ctx -> answer(ctx, () -> json(ctx, me(signedIn(ctx)))));
        r.post(
                "/api/auth/invites",
                ctx -> answer(ctx, () -> {
                    String code = accounts.invite(
                            signedIn(ctx), Role.parse(body(ctx).path("role").asText("member")));
                    json(ctx, Map.of("link", publicBase + "/invite/" + code));
                }));
        r.get(
                "/api/auth/people",
                ctx -> answer(ctx, () -> {
                    if (signedIn(ctx).role() != Role.ADMIN) {
                        throw new AuthException(403, "only admins see the people");
                    }
                    json(
                            ctx,
                            accounts.people().stream()
                                    .map(p -> {
                                        Map<String, Object> row = new java.util.LinkedHashMap<>(me(p));
                                        row.put("identities", accounts.identities(p.id()));
                                        row.put("password", !p.passwordHash().isEmpty());
                                        return row;
                                    })
                                    .toList());
                }));
        r.get(
                "/api/auth/invites",
                ctx -> answer(
                        ctx,
                        () -> json(
                                ctx,
                                accounts.openInvites(signedIn(ctx)).stream()
                                        .map(i -> Map.of("role", i[0], "by", i[1], "expiresAt", i[2]))
                                        .toList())));
        r.get(
                "/api/auth/audit",
                ctx -> answer(ctx, () -> {
                    if (signedIn(ctx).role() != Role.ADMIN) {
                        throw new AuthException(403, "only admins see the audit trail");
                    }
                    json(
                            ctx,
                            audit.recent(200).stream()
                                    .map(e -> Map.of(
                                            "at",
                                            e.at().toString(),
                                            "who",
                                            e.who(),
                                            "platform",
                                            e.platform(),
                                            "address",
                                            e.address(),
                                            "action",
                                            e.action(),
                                            "detail",
                                            e.detail()))
                                    .toList());
                }));
        r.post(
                "/api/auth/people/{id}/role",
                ctx -> answer(
                        ctx,
                        () -> json(
                                ctx,
                                me(accounts.setRole(
                                        signedIn(ctx),
                                        ctx.pathParam("id"),
                                        Role.parse(body(ctx).path("role").asText()))))));
    }

    private Person signedIn(Context ctx) {
        Person p = ctx.attribute(PERSON);
        if (p == null) {
            throw new AuthException(401, "sign in first");
        }
        return p;
    }

    private void signedIn(Context ctx, String token) {
        setSession(ctx, token);
        Person p = accounts.person(token).orElseThrow();
        json(ctx, me(p));
    }

    private void setSession(Context ctx, String token) {
        Cookie cookie = new Cookie(
                COOKIE, token, "/", (int) java.time.Duration.ofDays(7).toSeconds(), secure);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
    }

    /** A failed single sign-on, said on a page of its own (the browser came here by a redirect). */
    private static void failedPage(Context ctx, AuthException e) {
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'self'");
        ctx.status(e.status())
                .contentType("text/html; charset=utf-8")
                .result("<!doctype html><html lang=\"en\">"
                        + "<head><meta charset=\"utf-8\"><title>Sign-in failed · MLR-Copilot</title>"
                        + "<link rel=\"stylesheet\" href=\"/static/style.css\"></head><body><div class=\"page\">"
                        + "<h1>Sign-in failed</h1><p id=\"auth-error\" role=\"alert\">" + escape(e.getMessage())
                        + "</p>"
                        + "<p><a href=\"/signin\">Back to sign-in</a></p></div></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static Map<String, Object> me(Person p) {
        return Map.of("id", p.id(), "name", p.name(), "role", p.role().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static void answer(Context ctx, Runnable action) {
        try {
            action.run();
        } catch (AuthException e) {
            json(ctx.status(e.status()), Map.of("error", e.getMessage()));
        }
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.bodyAsBytes().length == 0 ? "{}" : ctx.body());
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            throw new AuthException(400, "the body is not JSON");
        }
    }
}
