package org.mlrcopilot.papers.prototype;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cosine similarity of texts to the plan by embeddings; shared-word overlap if the model fails. */
final class Similarity {

    private static final Logger LOG = LoggerFactory.getLogger(Similarity.class);
    private static final int MAX_TEXT = 1200;

    private final EmbeddingModel embeddings;

    Similarity(EmbeddingModel embeddings) {
        this.embeddings = embeddings;
    }

    double[] to(String plan, List<String> texts) {
        if (texts.isEmpty() || plan.isBlank()) {
            return new double[texts.size()];
        }
        List<TextSegment> segments = new ArrayList<>();
        segments.add(TextSegment.from(truncate(plan)));
        texts.forEach(t -> segments.add(TextSegment.from(truncate(t.isBlank() ? "-" : t))));
        try {
            List<Embedding> vectors = embeddings.embedAll(segments).content();
            return IntStream.range(0, texts.size())
                    .mapToDouble(i -> CosineSimilarity.between(vectors.get(0), vectors.get(i + 1)))
                    .toArray();
        } catch (RuntimeException e) {
            LOG.warn("embedding the prototype candidates failed ({}); comparing shared words", e.toString());
            return texts.stream().mapToDouble(t -> overlap(plan, t)).toArray();
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    static double overlap(String a, String b) {
        Set<String> shared = words(a);
        Set<String> union = new HashSet<>(shared);
        union.addAll(words(b));
        shared.retainAll(words(b));
        return union.isEmpty() ? 0 : (double) shared.size() / union.size();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
