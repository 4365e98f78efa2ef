package org.mlrcopilot.papers.literature;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranks candidates by the cosine similarity of their embedding (title and abstract) to the query's, with a small
 * bonus for recency. Recent papers come first; older ones only fill places recent ones cannot.
 */
final class Ranker {

    private static final Logger LOG = LoggerFactory.getLogger(Ranker.class);
    private static final double RECENCY_WEIGHT = 0.1;
    private static final int MAX_CANDIDATES = 150;
    private static final int MAX_TEXT = 1200;

    private final EmbeddingModel embeddings;
    private final Calls calls;

    Ranker(EmbeddingModel embeddings, Calls calls) {
        this.embeddings = embeddings;
        this.calls = calls;
    }

    List<RelatedPaper> rank(String queryText, List<RelatedPaper> candidates, Recency recency, int max, Duration limit) {
        List<RelatedPaper> recent =
                candidates.stream().filter(p -> recency.recent(p.year())).toList();
        List<RelatedPaper> pool = (recent.size() >= max
                        ? recent.stream()
                        : Stream.concat(recent.stream(), candidates.stream().filter(p -> !recency.recent(p.year()))))
                .limit(MAX_CANDIDATES)
                .toList();
        double[] similarity = similarities(queryText, pool, limit);
        List<RelatedPaper> scored = IntStream.range(0, pool.size())
                .mapToObj(i -> pool.get(i)
                        .withScore(
                                score(similarity[i], recency.bonus(pool.get(i).year()))))
                .toList();
        Comparator<RelatedPaper> best =
                Comparator.comparingDouble(RelatedPaper::score).reversed();
        List<RelatedPaper> ranked = new ArrayList<>(scored.stream()
                .filter(p -> recency.recent(p.year()))
                .sorted(best)
                .limit(max)
                .toList());
        scored.stream()
                .filter(p -> !recency.recent(p.year()))
                .sorted(best)
                .limit(max - ranked.size())
                .forEach(ranked::add);
        return ranked;
    }

    private static double score(double similarity, double recencyBonus) {
        double score = (1 - RECENCY_WEIGHT) * Math.max(0, similarity) + RECENCY_WEIGHT * recencyBonus;
        return Math.min(1, Math.max(0, score));
    }

    private double[] similarities(String queryText, List<RelatedPaper> pool, Duration limit) {
        if (pool.isEmpty() || queryText.isBlank()) {
            return new double[pool.size()];
        }
        List<TextSegment> segments = new ArrayList<>();
        segments.add(TextSegment.from(truncate(queryText)));
        pool.forEach(p -> segments.add(TextSegment.from(truncate(text(p)))));
        try {
            List<Embedding> vectors =
                    calls.within(limit, () -> embeddings.embedAll(segments).content());
            return IntStream.range(0, pool.size())
                    .mapToDouble(i -> CosineSimilarity.between(vectors.get(0), vectors.get(i + 1)))
                    .toArray();
        } catch (RuntimeException e) {
            LOG.warn("embedding the related-work candidates failed ({}); ranking by shared words", e.toString());
            return pool.stream().mapToDouble(p -> overlap(queryText, text(p))).toArray();
        }
    }

    private static String text(RelatedPaper paper) {
        return paper.abstractText().isEmpty() ? paper.title() : paper.title() + ". " + paper.abstractText();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private static double overlap(String a, String b) {
        Set<String> wordsA = words(a);
        Set<String> union = new HashSet<>(wordsA);
        union.addAll(words(b));
        wordsA.retainAll(words(b));
        return union.isEmpty() ? 0 : (double) wordsA.size() / union.size();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
