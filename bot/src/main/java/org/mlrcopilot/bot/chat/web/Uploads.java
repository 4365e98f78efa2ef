package org.mlrcopilot.bot.chat.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Files people upload before posting them with a message: {@code <dataDir>/web/uploads/<id>/<name>}, streamed to
 * disk within {@link #MAX_BYTES}; ids are random, names reduced to safe characters.
 */
final class Uploads {

    static final long MAX_BYTES = 100L << 20;
    private static final String ID = "up-[0-9a-f]{32}";

    private final Path root;

    Uploads(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Stores the stream as {@code name}; returns the upload's id. */
    String store(String name, InputStream in) {
        String safe = Attachments.safe(name == null ? "" : name);
        String id = "up-" + UUID.randomUUID().toString().replace("-", "");
        Path target = root.resolve(id).resolve(safe);
        try {
            Files.createDirectories(target.getParent());
            long written = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(target)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    written += n;
                    if (written > MAX_BYTES) {
                        throw new ContentTooLargeResponse("the file is larger than " + (MAX_BYTES >> 20) + " MiB");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return id;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(target);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException("cannot store the upload " + safe, (IOException) e);
        }
    }

    /** The uploaded file of {@code id}. */
    Path file(String id) {
        if (id == null || !id.matches(ID)) {
            throw new BadRequestResponse("not an upload id: " + id);
        }
        Path dir = root.resolve(id);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundResponse("no upload " + id);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .toList();
            if (all.size() != 1) {
                throw new NotFoundResponse("no upload " + id);
            }
            return all.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload " + id, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException ignored) {
            // what is left is an empty upload directory
        }
    }
}
