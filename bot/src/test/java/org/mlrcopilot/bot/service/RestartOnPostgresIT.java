package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.bot.store.TestPostgres;

/** {@link RestartIT} with the service's state in PostgreSQL (store.url), a fresh database for every test. */
class RestartOnPostgresIT extends RestartIT {

    private TestPostgres.Database database;

    @Override
    Map<String, String> storeSettings() {
        database = TestPostgres.available().createDatabase("restart");
        return database.env();
    }

    @Override
    void dropStore() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theStartUpReportNamesTheDatabaseWithoutThePassword() {
        service.close();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        service = fixture.start(report);
        assertThat(report.toString())
                .contains("store: PostgreSQL database " + database.url() + " as " + database.user() + " (schema 6)");
    }
}
