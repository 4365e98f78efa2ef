package org.mlrcopilot.config;

import java.nio.file.Path;

/**
 * Where the bot keeps its data: research artifacts in {@code dataDir}; its state in the H2 database there, or in
 * the PostgreSQL database at {@code url} when one is given.
 */
public record StoreConfig(Path dataDir, String url, String user, Secret password) {

    public StoreConfig {
        Key.STORE_DATA_DIR.require(dataDir);
        Key.STORE_URL.require(url);
        Key.STORE_USER.require(user);
        Key.STORE_PASSWORD.require(password);
    }

    /** The H2 database in {@code dataDir}. */
    public StoreConfig(Path dataDir) {
        this(dataDir, "", "", Secret.none());
    }

    /** True when the state lives in PostgreSQL ({@code store.url} is set). */
    public boolean postgres() {
        return !url.isEmpty();
    }

    static StoreConfig from(Values v) {
        return new StoreConfig(
                v.path(Key.STORE_DATA_DIR),
                v.text(Key.STORE_URL),
                v.text(Key.STORE_USER),
                v.secret(Key.STORE_PASSWORD));
    }
}
