package org.mlrcopilot.papers.prototype;

import java.util.List;
import java.util.Objects;

/**
 * What to look prototypes up for.
 *
 * @param planText      the plan's objective, method, datasets and models, as one text
 * @param searchTerms   model or dataset names or keywords from the plan (Hugging Face pipeline tags such as
 *                      "image-classification" are searched as task filters)
 * @param codeLinks     links found in the paper, e.g. {@code Paper.codeLinks()}
 * @param maxModelBytes models known to be larger are left out; 0 means no limit
 */
public record PrototypeQuery(String planText, List<String> searchTerms, List<String> codeLinks, long maxModelBytes) {

    public PrototypeQuery {
        planText = Objects.requireNonNullElse(planText, "").strip();
        searchTerms = Objects.requireNonNullElse(searchTerms, List.<String>of()).stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
        codeLinks = Objects.requireNonNullElse(codeLinks, List.<String>of()).stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .toList();
        if (maxModelBytes < 0) {
            throw new IllegalArgumentException("maxModelBytes must be 0 (no limit) or positive");
        }
    }
}
