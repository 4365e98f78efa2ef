package org.mlrcopilot.config;

import java.nio.file.Path;

/** Where the bot keeps its data. */
public record StoreConfig(Path dataDir) {

    public StoreConfig {
        Key.STORE_DATA_DIR.require(dataDir);
    }

    static StoreConfig from(Values v) {
        return new StoreConfig(v.path(Key.STORE_DATA_DIR));
    }
}
