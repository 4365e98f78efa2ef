package org.mlrcopilot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** store.url, store.user and store.password: H2 unless a PostgreSQL URL is given; the password stays secret. */
class StoreConfigTest {

    @Test
    void withoutAUrlTheStoreIsH2InTheDataDirectory() {
        StoreConfig store = ConfigLoader.load(null, null, Map.of()).config().store();
        assertThat(store.postgres()).isFalse();
        assertThat(store).isEqualTo(new StoreConfig(Path.of("./data")));
    }

    @Test
    void aPostgresUrlWithUserAndPasswordFromTheEnvironment() {
        LoadedConfig loaded = ConfigLoader.load(
                null,
                null,
                Map.of(
                        "MLR_STORE_URL",
                        "jdbc:postgresql://db.example.org:5432/mlr?sslmode=require",
                        "MLR_STORE_USER",
                        "mlr",
                        "MLR_STORE_PASSWORD",
                        "s3cret-pw"));
        StoreConfig store = loaded.config().store();
        assertThat(store.postgres()).isTrue();
        assertThat(store.url()).isEqualTo("jdbc:postgresql://db.example.org:5432/mlr?sslmode=require");
        assertThat(store.user()).isEqualTo("mlr");
        assertThat(store.password().reveal()).isEqualTo("s3cret-pw");
        assertThat(store.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void anotherKindOfUrlIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(null, null, Map.of("MLR_STORE_URL", "jdbc:mysql://db/mlr")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("store.url: \"jdbc:mysql://db/mlr\" must be empty or a PostgreSQL JDBC URL");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutBeingShown() {
        assertThatThrownBy(() -> ConfigLoader.load(
                        null, null, Map.of("MLR_STORE_URL", "jdbc:postgresql://db/mlr?user=mlr&password=hunter2")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("that goes in store.password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
}
