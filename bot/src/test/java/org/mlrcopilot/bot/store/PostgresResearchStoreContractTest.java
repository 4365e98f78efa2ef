package org.mlrcopilot.bot.store;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mlrcopilot.agents.research.ResearchStoreContract;

/**
 * The store on PostgreSQL keeps the contract of the research and run ports: each test on a fresh schema of a
 * database of this class (skipped without a server, unless PostgreSQL is required).
 */
class PostgresResearchStoreContractTest extends ResearchStoreContract<Store> {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static TestPostgres.Database database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.available().createDatabase("research_store_contract");
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected Store open() {
        return database.open("t" + SCHEMAS.incrementAndGet());
    }

    @Override
    protected void close(Store opened) {
        opened.close();
    }
}
