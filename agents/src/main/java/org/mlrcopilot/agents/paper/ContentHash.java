package org.mlrcopilot.agents.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of documents and keys, as the paper caches store them. */
public final class ContentHash {

    private ContentHash() {}

    public static String of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isHash(String value) {
        return value != null && value.matches("[0-9a-f]{64}");
    }

    /** The hash a cache files {@code paper} under: its content hash, or the key's hash when it has none. */
    public static String storageHash(Paper paper, String key) {
        return isHash(paper.contentHash()) ? paper.contentHash() : of(key);
    }
}
