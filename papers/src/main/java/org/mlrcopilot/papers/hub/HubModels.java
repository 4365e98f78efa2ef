package org.mlrcopilot.papers.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.agents.setup.ModelRecord;

/**
 * Small models the plan names by Hugging Face Hub id, fetched on the host: the configuration, tokenizer and weight
 * files (safetensors preferred over PyTorch pickles) when all of them fit the byte cap; otherwise a note. Plan models
 * that are not Hub ids (e.g. "ResNet-18") are left to the set-up agent.
 */
final class HubModels {

    private static final Pattern HUB_ID = Pattern.compile("^[A-Za-z0-9][\\w.-]*/[\\w.-]+$");
    private static final Pattern LINK =
            Pattern.compile("(?i)^https?://(?:www\\.)?huggingface\\.co/([\\w.-]+/[\\w.-]+)");
    private static final List<String> SMALL_FILES = List.of(
            "config.json",
            "generation_config.json",
            "tokenizer.json",
            "tokenizer_config.json",
            "special_tokens_map.json",
            "vocab.txt",
            "vocab.json",
            "merges.txt",
            "preprocessor_config.json",
            "sentencepiece.bpe.model",
            "spiece.model");

    private final HubDatasets hub;

    HubModels(HubDatasets hub) {
        this.hub = hub;
    }

    /** Hub ids among the plan's models. */
    static List<String> ids(List<String> models) {
        List<String> ids = new ArrayList<>();
        for (String m : models) {
            String text = m.strip();
            var link = LINK.matcher(text);
            if (link.find()) {
                ids.add(link.group(1));
            } else if (HUB_ID.matcher(text).matches()) {
                ids.add(text);
            }
        }
        return ids.stream().distinct().toList();
    }

    /** Fetches one model under {@code dir}; a note explains a model that is not fetched. */
    Optional<ModelRecord> fetch(String id, Path dir, long budget, Consumer<String> notes) {
        try {
            Optional<HubDatasets.Info> info = hub.modelInfo(id);
            if (info.isEmpty()) {
                notes.accept("model " + id + " is not on the Hugging Face Hub");
                return Optional.empty();
            }
            if (info.get().gated()) {
                notes.accept("model " + id + " is gated on the Hub (set HF_TOKEN for an account that accepted it)");
                return Optional.empty();
            }
            List<HubDatasets.TreeFile> files =
                    choose(hub.modelTree(id, info.get().sha()));
            long total = files.stream().mapToLong(HubDatasets.TreeFile::size).sum();
            if (files.isEmpty() || total > budget) {
                notes.accept(String.format(
                        Locale.ROOT,
                        "model %s not fetched: %s",
                        id,
                        files.isEmpty()
                                ? "no weights in safetensors or PyTorch format"
                                : String.format(
                                        Locale.ROOT,
                                        "%.1f MB, over the %.1f MB left of experiment.maxModelBytes",
                                        total / 1e6,
                                        budget / 1e6)));
                return Optional.empty();
            }
            Path target = dir.resolve(DatasetResolver.safeName(id));
            List<String> saved = new ArrayList<>();
            long bytes = 0;
            for (HubDatasets.TreeFile f : files) {
                byte[] body = hub.downloadModel(id, info.get().sha(), f.path());
                Path file = target.resolve(f.path()).normalize();
                if (!file.startsWith(target)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.write(file, body);
                saved.add(dir.relativize(file).toString());
                bytes += body.length;
            }
            return Optional.of(new ModelRecord(
                    id,
                    info.get().sha(),
                    saved,
                    bytes,
                    info.get().license(),
                    hub.modelPage(id).toString()));
        } catch (HubDatasets.DatasetDenied e) {
            notes.accept("model " + id + ": " + e.getMessage());
        } catch (FetchException e) {
            notes.accept("model " + id + " not fetched: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model " + id, e);
        }
        return Optional.empty();
    }

    /** The configuration and tokenizer files and the weights, safetensors when the model has them. */
    static List<HubDatasets.TreeFile> choose(List<HubDatasets.TreeFile> all) {
        List<HubDatasets.TreeFile> safetensors = all.stream()
                .filter(f -> f.path().endsWith(".safetensors") && !f.path().contains("/"))
                .toList();
        List<HubDatasets.TreeFile> weights = !safetensors.isEmpty()
                ? safetensors
                : all.stream().filter(f -> f.path().equals("pytorch_model.bin")).toList();
        if (weights.isEmpty()) {
            return List.of();
        }
        List<HubDatasets.TreeFile> chosen = new ArrayList<>(
                all.stream().filter(f -> SMALL_FILES.contains(f.path())).toList());
        chosen.addAll(weights);
        return chosen;
    }
}
