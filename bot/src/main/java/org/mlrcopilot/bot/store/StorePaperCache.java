package org.mlrcopilot.bot.store;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.mlrcopilot.agents.json.JsonCodec;
import org.mlrcopilot.agents.paper.ContentHash;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperCache;

/**
 * {@link PaperCache} in tables {@code papers} (each paper once, by content hash) and {@code paper_keys}
 * (a link's identifier pointing at a hash). A paper without a SHA-256 content hash is kept under the
 * SHA-256 of its key, as {@code FilePaperCache} does.
 */
final class StorePaperCache implements PaperCache {

    private final Jdbi jdbi;
    private final Dialect dialect;

    StorePaperCache(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    @Override
    public Optional<Paper> byKey(String key) {
        return jdbi.withHandle(h ->
                        h.createQuery("""
                        SELECT p.json FROM paper_keys k JOIN papers p ON p.content_hash = k.content_hash
                        WHERE k."key" = :key""").bind("key", key).mapTo(String.class).findOne())
                .map(json -> JsonCodec.read(json, Paper.class));
    }

    @Override
    public Optional<Paper> byContentHash(String contentHash) {
        if (!ContentHash.isHash(contentHash)) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT json FROM papers WHERE content_hash = :hash")
                        .bind("hash", contentHash)
                        .mapTo(String.class)
                        .findOne())
                .map(json -> JsonCodec.read(json, Paper.class));
    }

    @Override
    public void put(String key, Paper paper) {
        String hash = ContentHash.storageHash(paper, key);
        String json = JsonCodec.write(paper);
        jdbi.useTransaction(h -> {
            h.createUpdate(dialect.upsert("papers", "content_hash, json", "content_hash", ":hash, :json"))
                    .bind("hash", hash)
                    .bind("json", json)
                    .execute();
            h.createUpdate(dialect.upsert("paper_keys", "\"key\", content_hash", "\"key\"", ":key, :hash"))
                    .bind("key", key)
                    .bind("hash", hash)
                    .execute();
        });
    }
}
