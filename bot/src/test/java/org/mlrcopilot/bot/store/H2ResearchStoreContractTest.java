package org.mlrcopilot.bot.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.research.ResearchStoreContract;

/** The store on H2 keeps the contract of the research and run ports. */
class H2ResearchStoreContractTest extends ResearchStoreContract<Store> {

    @TempDir
    Path dir;

    @Override
    protected Store open() {
        return Stores.open(dir);
    }

    @Override
    protected void close(Store opened) {
        opened.close();
    }
}
