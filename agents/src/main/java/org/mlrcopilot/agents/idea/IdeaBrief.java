package org.mlrcopilot.agents.idea;

import java.util.List;
import java.util.Objects;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;

/** The result of the idea stage: what the paper leaves open, related work, and ranked hypotheses, best first. */
public record IdeaBrief(Paper paper, ResearchElements elements, RelatedWork relatedWork, List<Hypothesis> hypotheses) {

    public IdeaBrief {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(elements, "elements");
        Objects.requireNonNull(relatedWork, "relatedWork");
        hypotheses = List.copyOf(hypotheses);
    }
}
