package org.mlrcopilot.bot.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians, spread and ratios of the benchmark, as a plain-text table. */
final class BenchReport {

    private BenchReport() {}

    static String render(List<SandboxBenchCommand.Variant> variants, int runs, int warmup) {
        StringBuilder out = new StringBuilder(String.format(
                "per-execution wall time, %d runs after %d warm-up, " + "variants interleaved%n%-44s %10s %10s %10s%n",
                runs, warmup, "variant", "median ms", "p10 ms", "p90 ms"));
        for (SandboxBenchCommand.Variant v : variants) {
            out.append(String.format(
                    "%-44s %10.1f %10.1f %10.1f%n",
                    v.name,
                    ms(percentile(v.samples, 50)),
                    ms(percentile(v.samples, 10)),
                    ms(percentile(v.samples, 90))));
        }
        double host = percentile(variants.get(0).samples, 50);
        double cli = percentile(variants.get(1).samples, 50);
        for (SandboxBenchCommand.Variant v : variants.subList(2, variants.size())) {
            double median = percentile(v.samples, 50);
            out.append(String.format(
                    "%s / docker run --rm: %.2f   (overhead over host: %.1f ms; docker CLI's: %.1f ms)%n",
                    v.name, median / cli, ms(median - host), ms(cli - host)));
        }
        SandboxBenchCommand.Variant bwrap = variants.stream()
                .filter(v -> v.name.equals("BubblewrapSandbox"))
                .findFirst()
                .orElse(null);
        for (SandboxBenchCommand.Variant v : variants) {
            if (bwrap != null && v.name.startsWith("SlurmSandbox")) {
                out.append(String.format(
                        "%s / BubblewrapSandbox (same node, same confinement): %.2f%n",
                        v.name, percentile(v.samples, 50) / percentile(bwrap.samples, 50)));
            }
        }
        return out.toString();
    }

    static double percentile(List<Long> samples, int p) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int index = (int) Math.round((p / 100.0) * (sorted.size() - 1));
        return sorted.get(index);
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }
}
