package org.mlrcopilot.papers.prototype;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Ranks Hub candidates of one kind: {@code score = (1 - w) * max(0, cos) + w * pop}, where {@code cos} is the
 * similarity of the plan to the item's text, {@code pop = log10(downloads + 1) / max log10(downloads + 1)} over the
 * candidates kept (0 when none has downloads) and {@code w = } {@value #POPULARITY_WEIGHT}.
 */
final class HubRanker {

    static final double POPULARITY_WEIGHT = 0.25;

    private final Similarity similarity;

    HubRanker(Similarity similarity) {
        this.similarity = similarity;
    }

    /** The best {@code max} items, de-duplicated by id, without models known to exceed maxModelBytes. */
    List<HubItem> rank(String plan, List<Candidate> candidates, long maxModelBytes, int max) {
        List<Candidate> pool = fitting(unique(candidates), maxModelBytes);
        double[] cos = similarity.to(plan, pool.stream().map(Candidate::text).toList());
        double top = pool.stream()
                .mapToDouble(c -> popularity(c.item().downloads()))
                .max()
                .orElse(0);
        return IntStream.range(0, pool.size())
                .mapToObj(i -> scored(pool.get(i).item(), cos[i], top))
                .sorted(Comparator.comparingDouble(HubItem::score)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingLong(HubItem::downloads).reversed())
                        .thenComparing(HubItem::id))
                .limit(max)
                .toList();
    }

    private static HubItem scored(HubItem item, double cos, double topPopularity) {
        return item.withScore(score(cos, popularity(item.downloads()), topPopularity));
    }

    static double score(double cos, double popularity, double topPopularity) {
        double pop = topPopularity <= 0 ? 0 : popularity / topPopularity;
        return (1 - POPULARITY_WEIGHT) * Math.max(0, cos) + POPULARITY_WEIGHT * pop;
    }

    static double popularity(long downloads) {
        return Math.log10(downloads + 1.0);
    }

    private static List<Candidate> unique(List<Candidate> candidates) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        candidates.forEach(c ->
                byId.merge(c.key(), c, (a, b) -> b.item().downloads() > a.item().downloads() ? b : a));
        return List.copyOf(byId.values());
    }

    private static List<Candidate> fitting(List<Candidate> candidates, long maxModelBytes) {
        return candidates.stream()
                .filter(c -> maxModelBytes == 0
                        || c.item().sizeBytes() < 0
                        || c.item().sizeBytes() <= maxModelBytes)
                .toList();
    }
}
