package org.mlrcopilot.agents.idea;

import java.util.List;
import java.util.Map;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;

/** The prompt of each step; only the elements step sees the paper's body, later ones a digest. */
final class IdeaPrompts {

    private static final int MAX_QUERY_ABSTRACT_CHARS = 3_000;

    private final IdeaSettings settings;

    IdeaPrompts(IdeaSettings settings) {
        this.settings = settings;
    }

    Prompt elements(Paper paper) {
        return Prompt.of(
                "elements",
                Map.of(),
                Map.of("title", paper.title(), "paper", Render.paperText(paper, settings.maxPaperChars())));
    }

    Prompt hypotheses(Paper paper, ResearchElements elements, RelatedWork related, int n) {
        return Prompt.of(
                "hypotheses",
                Map.of("count", String.valueOf(n)),
                Map.of(
                        "title", paper.title(),
                        "abstract", Texts.clip(paper.abstractText(), MAX_QUERY_ABSTRACT_CHARS),
                        "methodSummary", elements.methodSummary(),
                        "tasks", Render.bullets(elements.tasks()),
                        "gaps", Render.bullets(elements.gaps()),
                        "keywords", String.join(", ", elements.keywords()),
                        "related", related(related),
                        "count", String.valueOf(n)));
    }

    Prompt review(List<Hypothesis> hypotheses, RelatedWork related) {
        return Prompt.of(
                "review",
                Map.of(),
                Map.of(
                        "hypotheses", Render.hypotheses(hypotheses),
                        "related", related(related),
                        "count", String.valueOf(hypotheses.size())));
    }

    Prompt revise(Hypothesis hypothesis, HumanFeedback feedback, RelatedWork related) {
        return Prompt.of(
                "revise",
                Map.of(),
                Map.of(
                        "hypothesis", Render.hypothesis(hypothesis),
                        "review", Render.review(hypothesis.review()),
                        "comments", Render.comments(feedback),
                        "votes", Render.votes(feedback),
                        "related", related(related)));
    }

    private String related(RelatedWork related) {
        List<RelatedPaper> top =
                related.papers().stream().limit(settings.relatedInPrompt()).toList();
        return Render.related(top, settings.maxAbstractChars());
    }
}
