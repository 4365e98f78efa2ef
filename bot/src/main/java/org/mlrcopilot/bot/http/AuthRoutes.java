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
import org.mlrcopilot.bot.auth.Person;
import org.mlrcopilot.bot.auth.Role;

/**
 * Sign-in for the web chat with local accounts ({@code web.auth=local}): the sign-in and invite pages, sign-in and
 * sign-out, accepting an invite, and, for admins, inviting people and setting roles. The session lives in an
 * {@code HttpOnly}, {@code SameSite=Lax} cookie ({@code Secure} when {@code web.publicUrl} is https).
 */
public final class AuthRoutes implements Routes {

    public static final String COOKIE = "mlr_session";
    public static final String PERSON = "mlr.person";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Accounts accounts;
    private final boolean secure;
    private final String publicBase;

    private final org.mlrcopilot.bot.auth.AuditLog audit;

    public AuthRoutes(Accounts accounts, String publicBase, org.mlrcopilot.bot.auth.AuditLog audit) {
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
        r.post("/api/auth/signin", ctx -> answer(ctx, () -> {
            JsonNode b = body(ctx);
            signedIn(ctx, accounts.signIn(b.path("name").asText(), b.path("password").asText(), ctx.ip()));
        }));
        r.post("/api/auth/accept", ctx -> answer(ctx, () -> {
            JsonNode b = body(ctx);
            signedIn(ctx, accounts.accept(b.path("code").asText(), b.path("name").asText(),
                    b.path("password").asText()));
        }));
        r.post("/api/auth/signout", ctx -> {
            accounts.signOut(ctx.cookie(COOKIE));
            ctx.removeCookie(COOKIE, "/");
            json(ctx, Map.of("signedOut", true));
        });
        r.post("/api/auth/link", ctx -> answer(ctx, () -> {
            accounts.link(signedIn(ctx), body(ctx).path("code").asText());
            json(ctx, Map.of("linked", true));
        }));
        r.get("/api/auth/me", ctx -> answer(ctx, () -> json(ctx, me(signedIn(ctx)))));
        r.post("/api/auth/invites", ctx -> answer(ctx, () -> {
            String code = accounts.invite(signedIn(ctx), Role.parse(body(ctx).path("role").asText("member")));
            json(ctx, Map.of("link", publicBase + "/invite/" + code));
        }));
        r.get("/api/auth/people", ctx -> answer(ctx, () -> {
            if (signedIn(ctx).role() != Role.ADMIN) {
                throw new AuthException(403, "only admins see the people");
            }
            json(ctx, accounts.people().stream().map(AuthRoutes::me).toList());
        }));
        r.get("/api/auth/audit", ctx -> answer(ctx, () -> {
            if (signedIn(ctx).role() != Role.ADMIN) {
                throw new AuthException(403, "only admins see the audit trail");
            }
            json(ctx, audit.recent(200).stream().map(e -> Map.of("at", e.at().toString(), "who", e.who(),
                    "platform", e.platform(), "address", e.address(), "action", e.action(), "detail", e.detail()))
                    .toList());
        }));
        r.post("/api/auth/people/{id}/role", ctx -> answer(ctx, () -> json(ctx, me(accounts.setRole(signedIn(ctx),
                ctx.pathParam("id"), Role.parse(body(ctx).path("role").asText()))))));
    }

    private Person signedIn(Context ctx) {
        Person p = ctx.attribute(PERSON);
        if (p == null) {
            throw new AuthException(401, "sign in first");
        }
        return p;
    }

    private void signedIn(Context ctx, String token) {
        Cookie cookie = new Cookie(COOKIE, token, "/", (int) java.time.Duration.ofDays(7).toSeconds(), secure);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
        Person p = accounts.person(token).orElseThrow();
        json(ctx, me(p));
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
