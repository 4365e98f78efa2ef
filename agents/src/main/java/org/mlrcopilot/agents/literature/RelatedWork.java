package org.mlrcopilot.agents.literature;

import java.util.List;

/** Related papers, best first, and how each source asked fared. */
public record RelatedWork(List<RelatedPaper> papers, List<SourceStatus> sources) {

    public RelatedWork {
        papers = List.copyOf(papers);
        sources = List.copyOf(sources);
    }
}
