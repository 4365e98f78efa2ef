package org.mlrcopilot.papers.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.mlrcopilot.agents.paper.ContentHash;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PaperCache} in a directory: {@code by-hash/<sha256>.json} holds each paper once,
 * {@code by-key/<sha256 of key>.txt} points a link's identifier at it. Writes are atomic;
 * an unreadable entry counts as a miss.
 */
public final class FilePaperCache implements PaperCache {

    private static final Logger LOG = LoggerFactory.getLogger(FilePaperCache.class);
    private final Path byHash;
    private final Path byKey;
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public FilePaperCache(Path directory) {
        this.byHash = directory.resolve("by-hash");
        this.byKey = directory.resolve("by-key");
        try {
            Files.createDirectories(byHash);
            Files.createDirectories(byKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the paper cache in " + directory, e);
        }
    }

    @Override
    public Optional<Paper> byKey(String key) {
        Path pointer = byKey.resolve(ContentHash.of(key) + ".txt");
        try {
            return Files.exists(pointer)
                    ? byContentHash(Files.readString(pointer).strip())
                    : Optional.empty();
        } catch (IOException e) {
            LOG.warn("unreadable paper cache entry {}: {}", pointer, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<Paper> byContentHash(String contentHash) {
        if (!ContentHash.isHash(contentHash)) {
            return Optional.empty();
        }
        Path file = byHash.resolve(contentHash + ".json");
        try {
            return Files.exists(file) ? Optional.of(json.readValue(file.toFile(), Paper.class)) : Optional.empty();
        } catch (IOException e) {
            LOG.warn("unreadable paper cache entry {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, Paper paper) {
        String hash = ContentHash.storageHash(paper, key);
        try {
            write(byHash.resolve(hash + ".json"), json.writeValueAsBytes(paper));
            write(byKey.resolve(ContentHash.of(key) + ".txt"), hash.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("could not cache paper {}: {}", key, e.getMessage());
        }
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
