package org.mlrcopilot.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void hidesItsValueInToString() {
        Secret secret = Secret.of("sk-ant-123");

        assertThat(secret.toString()).isEqualTo("****");
        assertThat(secret.isPresent()).isTrue();
        assertThat(secret.reveal()).isEqualTo("sk-ant-123");
    }

    @Test
    void emptyOrNullIsUnset() {
        assertThat(Secret.none().toString()).isEqualTo("<unset>");
        assertThat(Secret.none().isPresent()).isFalse();
        assertThat(Secret.of("")).isEqualTo(Secret.none());
        assertThat(Secret.of(null).reveal()).isEmpty();
        assertThat(new Secret(null).isPresent()).isFalse();
    }
}
