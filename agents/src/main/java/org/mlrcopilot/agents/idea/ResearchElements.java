package org.mlrcopilot.agents.idea;

import java.util.List;
import java.util.Objects;

/**
 * What a paper works on and leaves open.
 *
 * @param tasks         the research tasks the paper addresses
 * @param gaps          limitations and open problems it leaves
 * @param keywords      search phrases for related work
 * @param methodSummary a few sentences on the paper's method and main results
 */
public record ResearchElements(List<String> tasks, List<String> gaps, List<String> keywords, String methodSummary) {

    public ResearchElements {
        tasks = Texts.nonEmpty(tasks, "tasks");
        gaps = Texts.nonEmpty(gaps, "gaps");
        keywords = Texts.nonEmpty(keywords, "keywords").stream().distinct().toList();
        methodSummary = Objects.requireNonNullElse(methodSummary, "").strip();
    }
}
