package org.mlrcopilot.papers.literature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mlrcopilot.agents.literature.Ids;
import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedPaper;

/** Merges the records of one paper found several times (by DOI, arXiv id or title) and drops the query paper. */
final class Merger {

    private Merger() {}

    /** One record per paper, in first-seen order, blanks filled from later records of it. */
    static List<RelatedPaper> merge(List<RelatedPaper> found, LiteratureQuery query) {
        Set<String> self = Set.copyOf(keys(query.title(), query.arxivId(), query.doi()));
        List<RelatedPaper> kept = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (RelatedPaper paper : found) {
            List<String> keys = keys(paper);
            if (keys.stream().noneMatch(self::contains)) {
                Integer at = keys.stream()
                        .map(index::get)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(kept.size());
                if (at == kept.size()) {
                    kept.add(paper);
                } else {
                    kept.set(at, kept.get(at).mergedWith(paper));
                }
                keys(kept.get(at)).forEach(key -> index.put(key, at));
            }
        }
        return kept;
    }

    private static List<String> keys(RelatedPaper paper) {
        return keys(paper.title(), paper.arxivId(), paper.doi());
    }

    private static List<String> keys(String title, String arxivId, String doi) {
        List<String> keys = new ArrayList<>();
        if (!doi.isEmpty()) {
            keys.add("doi:" + doi);
        }
        if (!arxivId.isEmpty()) {
            keys.add("arxiv:" + arxivId);
        }
        String titleKey = Ids.titleKey(title);
        if (!titleKey.isEmpty()) {
            keys.add("title:" + titleKey);
        }
        return keys;
    }
}
