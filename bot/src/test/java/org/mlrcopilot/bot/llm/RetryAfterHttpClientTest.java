package org.mlrcopilot.bot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterHttpClientTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T18:00:00Z"), ZoneOffset.UTC);

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(RetryAfterHttpClient.waitAsked("3", NOW)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfterHttpClient.waitAsked(" 120 ", NOW)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfterHttpClient.waitAsked("Fri, 04 Dec 2026 18:00:07 GMT", NOW))
                .contains(Duration.ofSeconds(7));
        assertThat(RetryAfterHttpClient.waitAsked("Fri, 04 Dec 2026 17:59:00 GMT", NOW))
                .as("a date gone by means now")
                .contains(Duration.ZERO);
    }

    @Test
    void anAbsentOrUnreadableRetryAfterAsksNothing() {
        assertThat(RetryAfterHttpClient.waitAsked(null, NOW)).isEmpty();
        assertThat(RetryAfterHttpClient.waitAsked("", NOW)).isEmpty();
        assertThat(RetryAfterHttpClient.waitAsked("-1", NOW)).isEmpty();
        assertThat(RetryAfterHttpClient.waitAsked("soon", NOW)).isEmpty();
        assertThat(RetryAfterHttpClient.waitAsked("1.5", NOW)).isEmpty();
    }
}
