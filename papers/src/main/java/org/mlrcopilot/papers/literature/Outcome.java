package org.mlrcopilot.papers.literature;

import java.util.List;
import org.mlrcopilot.agents.literature.RelatedPaper;

/**
 * What one source gave.
 *
 * @param self the query paper as the source identified it, or null
 */
record Outcome(List<RelatedPaper> papers, boolean answered, String detail, RelatedPaper self) {

    Outcome {
        papers = List.copyOf(papers);
    }

    static Outcome answered(List<RelatedPaper> papers) {
        return new Outcome(papers, true, papers.size() + (papers.size() == 1 ? " result" : " results"), null);
    }

    static Outcome failed(String detail) {
        return new Outcome(List.of(), false, detail, null);
    }

    Outcome withSelf(RelatedPaper paper) {
        return new Outcome(papers, answered, detail, paper);
    }

    Outcome withNote(String note) {
        return new Outcome(papers, answered, detail + ", " + note, self);
    }
}
