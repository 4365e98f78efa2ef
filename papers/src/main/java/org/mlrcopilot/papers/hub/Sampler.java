package org.mlrcopilot.papers.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Samples a data file down to a row budget, in place: CSV and TSV keep their header and whole records (quoted
 * line breaks respected), JSON Lines keep whole lines; rows are drawn uniformly with a fixed seed and keep their
 * order. Other formats are left alone.
 */
final class Sampler {

    static final long SEED = 20_240_827L;

    private Sampler() {}

    /** A note such as "sampled 50,000 of 120,000 rows" when the file was cut down; empty when it fit. */
    static Optional<String> sample(Path file, int maxRows) {
        String ext = DataFiles.extension(file.getFileName().toString());
        boolean table = ext.equals("csv") || ext.equals("tsv");
        if (!table && !ext.equals("jsonl")) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> records = table
                    ? csvRecords(text)
                    : text.lines().filter(l -> !l.isBlank()).toList();
            String header = table && !records.isEmpty() ? records.get(0) : null;
            List<String> rows = header == null ? records : records.subList(1, records.size());
            if (rows.size() <= maxRows) {
                return Optional.empty();
            }
            BitSet keep = choose(rows.size(), maxRows);
            StringBuilder out = new StringBuilder();
            if (header != null) {
                out.append(header).append('\n');
            }
            keep.stream().forEach(i -> out.append(rows.get(i)).append('\n'));
            Files.writeString(file, out, StandardCharsets.UTF_8);
            return Optional.of(String.format(
                    Locale.ROOT,
                    "%s sampled to %,d of %,d rows (seed %d)",
                    file.getFileName(),
                    maxRows,
                    rows.size(),
                    SEED));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sample " + file, e);
        }
    }

    /** {@code k} of {@code n} indices, uniformly, by a seeded partial shuffle. */
    static BitSet choose(int n, int k) {
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        Random random = new Random(SEED);
        BitSet chosen = new BitSet(n);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int swap = index[i];
            index[i] = index[j];
            index[j] = swap;
            chosen.set(index[i]);
        }
        return chosen;
    }

    /** CSV records: a line break inside double quotes belongs to the record. */
    static List<String> csvRecords(String text) {
        List<String> records = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!current.isEmpty()) {
                    records.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            records.add(current.toString());
        }
        return records;
    }
}
