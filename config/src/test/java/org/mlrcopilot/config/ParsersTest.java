package org.mlrcopilot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParsersTest {

    @ParameterizedTest
    @CsvSource({
        "90s, 90000",
        "10m, 600000",
        "1h, 3600000",
        "500ms, 500",
        "2d, 172800000",
        "45, 45000",
        "1.5h, 5400000",
        "' 30 S ', 30000",
        "0, 0"
    })
    void parsesDurations(String text, long millis) {
        assertThat(Parsers.duration(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten minutes", "-5s", "5 weeks", "1h30m"})
    void rejectsBadDurations(String text) {
        assertThatThrownBy(() -> Parsers.duration(text)).hasMessage("is not a duration like 90s, 10m, 1h or 500ms");
    }

    @ParameterizedTest
    @CsvSource({
        "512m, 536870912",
        "2g, 2147483648",
        "1MiB, 1048576",
        "64k, 65536",
        "4096, 4096",
        "100b, 100",
        "2GB, 2147483648",
        "1.5k, 1536",
        "1t, 1099511627776"
    })
    void parsesSizes(String text, long bytes) {
        assertThat(Parsers.size(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "", "-1m", "2x", "m"})
    void rejectsBadSizes(String text) {
        assertThatThrownBy(() -> Parsers.size(text)).hasMessage("is not a size like 512m or 2g");
    }

    @Test
    void rejectsSizesTooLargeForALong() {
        assertThatThrownBy(() -> Parsers.size("99999999999t")).hasMessage("is too large");
    }

    @ParameterizedTest
    @CsvSource({"true, true", "YES, true", "1, true", "on, true", "false, false", "no, false", "0, false"})
    void parsesBooleans(String text, boolean value) {
        assertThat(Parsers.bool(text)).isEqualTo(value);
    }

    @Test
    void rejectsOtherBooleans() {
        assertThatThrownBy(() -> Parsers.bool("maybe")).hasMessageContaining("is not a boolean");
    }

    @Test
    void parsesNumbers() {
        assertThat(Parsers.wholeNumber("2_000_000")).isEqualTo(2_000_000L);
        assertThat(Parsers.integer(" 8080 ")).isEqualTo(8080);
        assertThat(Parsers.decimal("0.25")).isEqualTo(0.25);
        assertThatThrownBy(() -> Parsers.integer("99999999999")).hasMessage("is too large");
        assertThatThrownBy(() -> Parsers.wholeNumber("1.5")).hasMessage("is not a whole number");
        assertThatThrownBy(() -> Parsers.decimal("NaN")).hasMessage("is not a number");
    }

    @Test
    void splitsCommaSeparatedLists() {
        assertThat(Parsers.list(" general, #research ,,random ")).containsExactly("general", "#research", "random");
        assertThat(Parsers.list("")).isEmpty();
    }

    @Test
    void expandsTildeInPaths() {
        String home = System.getProperty("user.home");

        assertThat(Parsers.path("~/models")).isEqualTo(Path.of(home, "models"));
        assertThat(Parsers.path("~")).isEqualTo(Path.of(home));
        assertThat(Parsers.path("./data")).isEqualTo(Path.of("./data"));
    }

    @Test
    void formatsDurationsAndSizesInTheLargestExactUnit() {
        assertThat(Parsers.formatDuration(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(Parsers.formatDuration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Parsers.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Parsers.formatSize(2L << 30)).isEqualTo("2g");
        assertThat(Parsers.formatSize(1536)).isEqualTo("1536");
        assertThat(Parsers.formatSize(30L << 20)).isEqualTo("30m");
    }
}
