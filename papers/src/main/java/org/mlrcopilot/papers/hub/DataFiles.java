package org.mlrcopilot.papers.hub;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which of a dataset's files to fetch: data files in common formats (CSV, TSV, JSON Lines, JSON, Parquet), plain
 * formats preferred over Parquet, everything when it fits the byte budget, else the smallest file of each split
 * (train, validation, test, other) that still fits.
 */
final class DataFiles {

    static final Set<String> PLAIN = Set.of("csv", "tsv", "jsonl", "json");
    static final String PARQUET = "parquet";
    private static final Set<String> SKIPPED_NAMES =
            Set.of("dataset_infos.json", "dataset_info.json", "dataset_dict.json", "state.json");
    private static final List<String> SPLITS = List.of("train", "valid", "dev", "test");

    private DataFiles() {}

    /** The files to fetch, or empty when none fits; {@code all} is every file of the dataset. */
    static List<HubDatasets.TreeFile> choose(List<HubDatasets.TreeFile> all, long budget) {
        List<HubDatasets.TreeFile> data =
                all.stream().filter(f -> isData(f.path())).toList();
        if (data.stream().anyMatch(f -> PLAIN.contains(extension(f.path())))) {
            data = data.stream()
                    .filter(f -> PLAIN.contains(extension(f.path())))
                    .toList();
        }
        long total = data.stream().mapToLong(HubDatasets.TreeFile::size).sum();
        if (total <= budget) {
            return data;
        }
        Map<String, List<HubDatasets.TreeFile>> bySplit = new LinkedHashMap<>();
        data.stream()
                .sorted(Comparator.comparingLong(HubDatasets.TreeFile::size))
                .forEach(f -> bySplit.computeIfAbsent(split(f.path()), k -> new ArrayList<>())
                        .add(f));
        List<HubDatasets.TreeFile> chosen = new ArrayList<>();
        long used = 0;
        for (List<HubDatasets.TreeFile> files : bySplit.values()) {
            HubDatasets.TreeFile smallest = files.get(0);
            if (used + smallest.size() <= budget) {
                chosen.add(smallest);
                used += smallest.size();
            }
        }
        return chosen;
    }

    static boolean isData(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        boolean hidden = path.startsWith(".") || path.contains("/.");
        return !hidden
                && !SKIPPED_NAMES.contains(name)
                && (PLAIN.contains(extension(name)) || PARQUET.equals(extension(name)));
    }

    static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    static String split(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return SPLITS.stream()
                .filter(lower::contains)
                .findFirst()
                .map(s -> s.equals("dev") ? "valid" : s)
                .orElse("other");
    }

    /** The smallest data file's size, for the message when none fits. */
    static long smallest(List<HubDatasets.TreeFile> all) {
        return all.stream()
                .filter(f -> isData(f.path()))
                .mapToLong(HubDatasets.TreeFile::size)
                .min()
                .orElse(0);
    }
}
