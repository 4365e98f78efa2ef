package org.mlrcopilot.agents.paper;

import java.util.Optional;

/**
 * Papers already read, so a link is fetched and parsed once. Keyed by the link's identifier
 * (e.g. {@code arxiv:2408.14033v2}, {@code doi:10.18653/...}) and by the SHA-256 of the document,
 * so the same PDF reached through another link is not parsed again. Survives restarts.
 */
public interface PaperCache {

    Optional<Paper> byKey(String key);

    Optional<Paper> byContentHash(String contentHash);

    /** Stores the paper under {@code key} and under its content hash. */
    void put(String key, Paper paper);
}
