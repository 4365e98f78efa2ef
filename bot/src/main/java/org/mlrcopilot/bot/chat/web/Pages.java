package org.mlrcopilot.bot.chat.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The pages, their scripts and styles (from {@code resources/web}) and the attachments kept under
 * {@code <dataDir>/web/files}. Pages may only run their own scripts; files never run as pages of this site.
 */
final class Pages {

    private static final String PAGE_POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; " + "base-uri 'none'; frame-ancestors 'none'";
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final ChatState state;
    private final Path files;

    Pages(ChatState state, Path files) {
        this.state = state;
        this.files = files.toAbsolutePath().normalize();
    }

    void register(RoutesConfig r) {
        r.get("/", ctx -> page(ctx, "index.html"));
        r.get("/index.html", ctx -> page(ctx, "index.html"));
        r.get("/run.html", ctx -> page(ctx, "run.html"));
        r.get("/researches.html", ctx -> page(ctx, "researches.html"));
        r.get("/signin", ctx -> page(ctx, "signin.html"));
        r.get("/admin.html", ctx -> page(ctx, "admin.html"));
        r.get("/link.html", ctx -> page(ctx, "link.html"));
        r.get("/invite/{code}", ctx -> page(ctx, "invite.html"));
        r.get("/static/{file}", Pages::asset);
        r.get("/files/{id}/{name}", this::file);
    }

    private void file(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String name = ctx.pathParam("name");
        WebMessage.File f = state.message(id)
                .flatMap(m -> m.attachments().stream()
                        .filter(a -> a.name().equals(name))
                        .findFirst())
                .orElse(null);
        Path path = f == null ? null : files.resolve(id).resolve(f.name()).normalize();
        if (path == null || !path.startsWith(files) || !Files.isRegularFile(path)) {
            throw new NotFoundResponse("no file " + name + " on message " + id);
        }
        ctx.contentType(f.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
        if (!INLINE.contains(f.contentType())) {
            ctx.header("Content-Disposition", "attachment");
        }
        ctx.result(Files.newInputStream(path)); // streamed, and closed by the server once written
    }

    private static void page(Context ctx, String name) throws IOException {
        ctx.header("Content-Security-Policy", PAGE_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .contentType("text/html; charset=utf-8")
                .result(Assets.read(name));
    }

    private static void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        if (!name.matches("[a-z-]{1,40}\\.(js|css)")) {
            throw new NotFoundResponse("no asset " + name);
        }
        ctx.contentType(name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8")
                .header("X-Content-Type-Options", "nosniff")
                .result(Assets.read(name));
    }
}
