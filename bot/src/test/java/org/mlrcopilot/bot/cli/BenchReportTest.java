package org.mlrcopilot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static SandboxBenchCommand.Variant variant(String name, long... millis) {
        SandboxBenchCommand.Variant v = new SandboxBenchCommand.Variant(name, null, () -> 0L);
        for (long m : millis) {
            v.samples.add(m * 1_000_000);
        }
        return v;
    }

    @Test
    void mediansAndRatiosAgainstTheDockerCli() {
        String report = BenchReport.render(
                List.of(variant("host", 10, 12, 11), variant("cli", 200, 220, 210), variant("ours", 100, 300, 105)),
                3,
                1);

        assertThat(report).contains("host").contains("11.0").contains("210.0").contains("105.0");
        assertThat(report).contains("ours / docker run --rm: 0.50").contains("overhead over host: 94.0 ms");
    }

    @Test
    void percentileOfAnOddAndEvenSample() {
        assertThat(BenchReport.percentile(List.of(5L, 1L, 3L), 50)).isEqualTo(3);
        assertThat(BenchReport.percentile(List.of(4L, 1L, 3L, 2L), 90)).isEqualTo(4);
    }
}
