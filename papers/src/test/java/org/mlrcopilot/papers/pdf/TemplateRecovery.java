package org.mlrcopilot.papers.pdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlrcopilot.agents.paper.Section;

/**
 * Structure recovery on the fixture papers of many templates against their expected title, abstract start, sections
 * and reference count ({@code papers/templates/expected.json}, and {@code papers/expected-real.json} for real
 * papers written down by hand): one row per paper, and the rates.
 */
public final class TemplateRecovery {

    private static final Path MODULE = Files.isDirectory(Path.of("papers/src")) ? Path.of("papers") : Path.of(".");
    static final Path TEMPLATES = MODULE.resolve("src/test/resources/papers/templates");
    static final Path REAL = MODULE.resolve("src/test/resources/papers");

    /** One paper's recovery. */
    record Row(
            String id,
            String template,
            boolean title,
            boolean abstractFound,
            int sectionsExpected,
            int sectionsFound,
            int sectionsMatched,
            int referencesExpected,
            int referencesFound,
            String gotTitle) {

        boolean referencesWithin10Pct() {
            return Math.abs(referencesFound - referencesExpected) <= Math.max(1, referencesExpected / 10);
        }

        boolean passes() {
            return title && abstractFound && sectionsMatched >= 4 && referencesFound >= 10;
        }

        double precision() {
            return sectionsFound == 0 ? 0 : (double) sectionsMatched / sectionsFound;
        }

        double recall() {
            return sectionsExpected == 0 ? 1 : (double) sectionsMatched / sectionsExpected;
        }
    }

    private TemplateRecovery() {}

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        add(rows, TEMPLATES, TEMPLATES.resolve("expected.json"));
        add(rows, REAL, REAL.resolve("expected-real.json"));
        return rows;
    }

    private static void add(List<Row> rows, Path dir, Path expectedFile) {
        try {
            JsonNode all = new ObjectMapper().readTree(expectedFile.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                rows.add(row(
                        e.getKey(),
                        e.getValue(),
                        new PdfPaperReader().read(Files.readAllBytes(dir.resolve(e.getKey() + ".pdf")))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Row row(String id, JsonNode expected, PdfPaper paper) {
        List<String> want = new ArrayList<>();
        expected.get("sections").forEach(s -> want.add(norm(s.asText())));
        List<String> got = paper.sections().stream()
                .filter(s -> s.level() == 1)
                .map(Section::heading)
                .map(TemplateRecovery::norm)
                .toList();
        int matched = (int) want.stream()
                .filter(w -> got.stream().anyMatch(g -> g.endsWith(w)))
                .count();
        return new Row(
                id,
                expected.path("template").asText(),
                norm(paper.title()).equals(norm(expected.get("title").asText())),
                norm(paper.abstractText())
                        .startsWith(norm(expected.get("abstractStart").asText())),
                want.size(),
                got.size(),
                matched,
                expected.get("references").asInt(),
                paper.references().size(),
                paper.title());
    }

    static String norm(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static String report(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(
                "%-24s %5s %5s %8s %8s %6s  %s%n",
                "paper", "title", "abstr", "sections", "refs", "pass", "title read"));
        for (Row r : rows) {
            out.append(String.format(
                    "%-24s %5s %5s %3d/%d+%d %4d/%-3d %6s  %s%n",
                    r.id(),
                    r.title() ? "ok" : "-",
                    r.abstractFound() ? "ok" : "-",
                    r.sectionsMatched(),
                    r.sectionsExpected(),
                    r.sectionsFound() - r.sectionsMatched(),
                    r.referencesFound(),
                    r.referencesExpected(),
                    r.passes() ? "PASS" : "fail",
                    r.gotTitle().length() > 60 ? r.gotTitle().substring(0, 60) : r.gotTitle()));
        }
        double n = rows.size();
        out.append(String.format(
                "title %.0f%%, abstract %.0f%%, section precision %.0f%% recall %.0f%%, references "
                        + "within 10%% %.0f%%, passing %.0f%% (%d of %d)%n",
                100 * rows.stream().filter(Row::title).count() / n,
                100 * rows.stream().filter(Row::abstractFound).count() / n,
                100 * rows.stream().mapToDouble(Row::precision).average().orElse(0),
                100 * rows.stream().mapToDouble(Row::recall).average().orElse(0),
                100 * rows.stream().filter(Row::referencesWithin10Pct).count() / n,
                100 * rows.stream().filter(Row::passes).count() / n,
                rows.stream().filter(Row::passes).count(),
                rows.size()));
        return out.toString();
    }

    public static void main(String[] args) {
        System.out.print(report(rows()));
    }
}
