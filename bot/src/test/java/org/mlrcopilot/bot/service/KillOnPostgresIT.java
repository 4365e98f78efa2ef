package org.mlrcopilot.bot.service;

import java.util.Map;
import org.mlrcopilot.bot.store.TestPostgres;

/**
 * {@link KillIT} with the service's state in PostgreSQL (store.url): a vote acknowledged just before kill -9 is
 * kept because the commit itself waited for the server's disk.
 */
class KillOnPostgresIT extends KillIT {

    private TestPostgres.Database database;

    @Override
    Map<String, String> storeSettings() {
        database = TestPostgres.available().createDatabase("kill");
        return database.env();
    }

    @Override
    void dropStore() {
        if (database != null) {
            database.close();
        }
    }
}
