package org.mlrcopilot.papers.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.agents.idea.DatasetRef;
import org.mlrcopilot.agents.setup.DatasetIssue;
import org.mlrcopilot.agents.setup.DatasetRecord;
import org.mlrcopilot.agents.setup.TableConverter;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/**
 * Turns a dataset the plan names into files under the set-up's {@code raw/} directory, fetched on the host through
 * the guarded client: a Hugging Face Hub id, link or search; one of scikit-learn's bundled datasets (nothing to
 * fetch: the sandbox image has them); a URL; or a file the team posted. Each outcome is a record or an issue that
 * says what the team can do; nothing here throws for a dataset that cannot be had.
 */
final class DatasetResolver {

    private static final Pattern HUB_LINK =
            Pattern.compile("(?i)^https?://(?:www\\.)?huggingface\\.co/datasets/" + "([\\w.-]+(?:/[\\w.-]+)?)");
    private static final Pattern HUB_ID = Pattern.compile("^[A-Za-z0-9][\\w.-]*/[\\w.-]+$");
    private static final Map<String, String> SKLEARN = Map.of(
            "iris",
            "load_iris",
            "digits",
            "load_digits",
            "wine",
            "load_wine",
            "breastcancer",
            "load_breast_cancer",
            "diabetes",
            "load_diabetes",
            "linnerud",
            "load_linnerud");
    private static final String SKLEARN_LINK = "https://scikit-learn.org/stable/datasets/toy_dataset.html";

    private final HubDatasets hub;
    private final GuardedHttpClient http;
    private final Map<String, Path> attachments;
    private final TableConverter converter;
    private final int maxRows;

    DatasetResolver(
            HubDatasets hub,
            GuardedHttpClient http,
            Map<String, Path> attachments,
            TableConverter converter,
            int maxRows) {
        this.hub = hub;
        this.http = http;
        this.attachments = Map.copyOf(attachments);
        this.converter = converter;
        this.maxRows = maxRows;
    }

    record Resolution(DatasetRecord record, DatasetIssue issue) {
        static Resolution of(DatasetRecord record) {
            return new Resolution(record, null);
        }

        static Resolution failed(String name, String reason, String whatToDo) {
            return new Resolution(null, new DatasetIssue(name, reason, whatToDo));
        }
    }

    Resolution resolve(DatasetRef ref, Path rawDir, long budget) {
        String source = ref.source().strip();
        Optional<String> sklearn = sklearn(ref);
        if (sklearn.isPresent()) {
            return Resolution.of(new DatasetRecord(
                    "sklearn:" + sklearn.get(),
                    ref.name(),
                    "scikit-learn",
                    "",
                    List.of(),
                    0,
                    "BSD-3-Clause",
                    SKLEARN_LINK,
                    "bundled with scikit-learn in the sandbox image"));
        }
        Path attached = attachment(ref);
        if (attached != null) {
            return fromFile(ref, attached, rawDir, budget);
        }
        Matcher link = HUB_LINK.matcher(source);
        if (link.find()) {
            return fromHub(ref, link.group(1), rawDir, budget);
        }
        String hubPrefix = hub.page("").toString();
        if (source.startsWith(hubPrefix)) {
            return fromHub(
                    ref,
                    source.substring(hubPrefix.length()).replaceAll("/(tree|blob|resolve)/.*$", ""),
                    rawDir,
                    budget);
        }
        if (source.matches("(?i)^https?://.*")) {
            return fromUrl(ref, URI.create(source), rawDir, budget);
        }
        if (HUB_ID.matcher(source).matches()) {
            return fromHub(ref, source, rawDir, budget);
        }
        return searchHub(ref, rawDir, budget);
    }

    private Optional<String> sklearn(DatasetRef ref) {
        String text = (ref.name() + " " + ref.source()).toLowerCase(Locale.ROOT);
        boolean sayssklearn = text.contains("sklearn") || text.contains("scikit");
        for (Map.Entry<String, String> e : SKLEARN.entrySet()) {
            boolean named = squash(ref.name()).equals(e.getKey()) || text.contains(e.getValue());
            if (named || sayssklearn && squash(text).contains(e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private Path attachment(DatasetRef ref) {
        String source = ref.source().replaceFirst("^(?i)(attachment|file):", "").strip();
        return attachments.getOrDefault(source, attachments.get(ref.name().strip()));
    }

    private Resolution searchHub(DatasetRef ref, Path rawDir, long budget) {
        List<String> found;
        try {
            found = hub.search(ref.name());
        } catch (FetchException e) {
            return Resolution.failed(
                    ref.name(),
                    "the Hub search failed: " + e.getMessage(),
                    "try again later, or name a Hub dataset id or attach a file");
        }
        String wanted = squash(ref.name());
        Optional<String> match = found.stream()
                .filter(id -> {
                    String name = squash(id.substring(id.indexOf('/') + 1));
                    return !wanted.isEmpty() && (name.contains(wanted) || wanted.contains(name));
                })
                .findFirst();
        if (match.isEmpty()) {
            return Resolution.failed(
                    ref.name(),
                    "no Hugging Face Hub dataset matches \"" + ref.name() + "\""
                            + (found.isEmpty() ? "" : " (nearest: " + String.join(", ", found) + ")"),
                    "reply with a Hub dataset id or a URL, or attach a data file");
        }
        return fromHub(ref, match.get(), rawDir, budget);
    }

    private Resolution fromHub(DatasetRef ref, String id, Path rawDir, long budget) {
        try {
            Optional<HubDatasets.Info> info = hub.info(id);
            if (info.isEmpty()) {
                return Resolution.failed(
                        ref.name(),
                        "the Hugging Face Hub has no dataset " + id,
                        "check the id, name another dataset or attach a file");
            }
            HubDatasets.Info i = info.get();
            if (i.gated()) {
                return denied(ref, id + " is gated on the Hub");
            }
            List<HubDatasets.TreeFile> all = hub.tree(i.id(), i.sha());
            List<HubDatasets.TreeFile> chosen = DataFiles.choose(all, budget);
            if (chosen.isEmpty()) {
                long smallest = DataFiles.smallest(all);
                return smallest == 0
                        ? Resolution.failed(
                                ref.name(),
                                id + " has no data files in CSV, JSON Lines, JSON or Parquet",
                                "name another dataset or attach a file")
                        : tooLarge(ref, smallest, budget);
            }
            return Resolution.of(downloadHub(ref, i, chosen, rawDir));
        } catch (HubDatasets.DatasetDenied e) {
            return denied(ref, e.getMessage());
        } catch (FetchException e) {
            return e.kind() == FetchException.Kind.TOO_LARGE
                    ? tooLarge(ref, -1, budget)
                    : Resolution.failed(
                            ref.name(),
                            "fetching " + id + " failed: " + e.getMessage(),
                            e.retryable()
                                    ? "press Run experiment again later"
                                    : "name another dataset or attach a file");
        }
    }

    private DatasetRecord downloadHub(
            DatasetRef ref, HubDatasets.Info info, List<HubDatasets.TreeFile> chosen, Path rawDir) {
        Path dir = rawDir.resolve(safeName(info.id()));
        List<String> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long bytes = 0;
        for (HubDatasets.TreeFile f : chosen) {
            byte[] body = hub.download(info.id(), info.sha(), f.path());
            bytes += body.length;
            Path target = write(dir, f.path(), body);
            files.addAll(finish(target, rawDir, notes));
        }
        return new DatasetRecord(
                info.id(),
                ref.name(),
                "huggingface",
                info.sha(),
                files,
                bytes,
                info.license(),
                hub.page(info.id()).toString(),
                String.join("; ", notes));
    }

    private Resolution fromUrl(DatasetRef ref, URI uri, Path rawDir, long budget) {
        try {
            byte[] body = http.get(FetchRequest.get(uri).retries(2)).body();
            if (body.length > budget) {
                return tooLarge(ref, body.length, budget);
            }
            String name = Optional.ofNullable(uri.getPath())
                    .map(p -> p.substring(p.lastIndexOf('/') + 1))
                    .filter(n -> !n.isBlank())
                    .orElse("data");
            List<String> notes = new ArrayList<>();
            Path target = write(rawDir.resolve(safeName(uri.getHost() == null ? "url" : uri.getHost())), name, body);
            return Resolution.of(new DatasetRecord(
                    uri.toString(),
                    ref.name(),
                    "url",
                    "",
                    finish(target, rawDir, notes),
                    body.length,
                    "unknown",
                    uri.toString(),
                    String.join("; ", notes)));
        } catch (FetchException e) {
            return e.kind() == FetchException.Kind.TOO_LARGE
                    ? tooLarge(ref, -1, budget)
                    : Resolution.failed(
                            ref.name(),
                            "fetching " + uri + " failed: " + e.getMessage(),
                            "check the link, or attach the file in the thread");
        }
    }

    private Resolution fromFile(DatasetRef ref, Path file, Path rawDir, long budget) {
        try {
            long size = Files.size(file);
            if (size > budget) {
                return tooLarge(ref, size, budget);
            }
            Path target = rawDir.resolve("attached")
                    .resolve(safeName(file.getFileName().toString()));
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            List<String> notes = new ArrayList<>();
            return Resolution.of(new DatasetRecord(
                    file.getFileName().toString(),
                    ref.name(),
                    "file",
                    "",
                    finish(target, rawDir, notes),
                    size,
                    "as posted by the team",
                    "",
                    String.join("; ", notes)));
        } catch (IOException e) {
            return Resolution.failed(ref.name(), "cannot read the attached file: " + e.getMessage(), "attach it again");
        }
    }

    /** Samples or converts a fetched file; returns the files as paths relative to raw/. */
    private List<String> finish(Path file, Path rawDir, List<String> notes) {
        Path result = file;
        if (DataFiles.PARQUET.equals(DataFiles.extension(file.toString()))) {
            Optional<TableConverter.Converted> csv = converter.toCsv(file, maxRows);
            if (csv.isPresent()) {
                result = csv.get().csv();
                csv.get().note().ifPresent(notes::add);
                delete(file);
            } else {
                notes.add(file.getFileName() + " is Parquet, which the sandbox image cannot read");
            }
        } else {
            Sampler.sample(file, maxRows).ifPresent(notes::add);
        }
        return List.of(rawDir.relativize(result).toString());
    }

    private static Path write(Path dir, String relative, byte[] body) {
        Path target = dir.resolve(relative).normalize();
        if (!target.startsWith(dir)) {
            throw new FetchException(
                    FetchException.Kind.WRONG_CONTENT, "refused a file path leaving its directory: " + relative);
        }
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, body);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + target, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static Resolution denied(DatasetRef ref, String why) {
        return Resolution.failed(
                ref.name(),
                why,
                "set HF_TOKEN for an account that accepted its terms, name " + "another dataset or attach a file");
    }

    private static Resolution tooLarge(DatasetRef ref, long bytes, long budget) {
        String size = bytes > 0 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) : "more";
        return Resolution.failed(
                ref.name(),
                String.format(
                        Locale.ROOT,
                        "too large: %s, over the %.1f MB left of experiment.maxDatasetBytes",
                        size,
                        budget / 1e6),
                "raise experiment.maxDatasetBytes, name a smaller dataset or attach a sample");
    }

    static String squash(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static String safeName(String text) {
        String name = text.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        return name.isEmpty() ? "data" : name;
    }
}
