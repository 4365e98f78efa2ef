package org.mlrcopilot.agents.idea;

import dev.langchain4j.model.chat.ChatModel;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;

/**
 * Stage 1 of MLR-Copilot: from a paper to ranked research hypotheses with experiment plans. Reads the paper's
 * research tasks, gaps and keywords (fast model), finds related work, drafts hypotheses with plans and has them
 * reviewed and ranked (main model), and revises a hypothesis from the team's feedback. One model call per step
 * when the answers are well formed, plus at most one repair call per step.
 */
public final class IdeaAgent {

    private final ChatModel main;
    private final ChatModel fast;
    private final RelatedWorkSearch related;
    private final IdeaSettings settings;
    private final IdeaPrompts prompts;

    public IdeaAgent(ChatModel main, ChatModel fast, RelatedWorkSearch related, IdeaSettings settings) {
        this.main = Objects.requireNonNull(main, "main");
        this.fast = Objects.requireNonNull(fast, "fast");
        this.related = Objects.requireNonNull(related, "related");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prompts = new IdeaPrompts(settings);
    }

    /** The whole stage: elements, related work, hypotheses with plans, then review and ranking. */
    public IdeaBrief run(Paper paper, IdeaProgress progress) {
        progress.step("Reading \"" + paper.title() + "\" for its research tasks, gaps and keywords");
        ResearchElements elements = elements(paper);
        progress.step("Searching related work for: " + String.join(", ", elements.keywords()));
        RelatedWork found = relatedWork(paper, elements);
        progress.step("Found " + found.papers().size() + " related papers; drafting " + settings.hypotheses()
                + " hypotheses with experiment plans");
        List<Hypothesis> drafted = hypotheses(paper, elements, found, settings.hypotheses());
        progress.step("Reviewing and ranking the hypotheses");
        List<Hypothesis> ranked = review(drafted, found);
        progress.step("Done: best hypothesis is " + ranked.get(0).id() + " \""
                + ranked.get(0).title() + "\"");
        return new IdeaBrief(paper, elements, found, ranked);
    }

    /** The paper's research tasks, gaps, keywords and method summary (fast model, one call). */
    public ResearchElements elements(Paper paper) {
        return StructuredChat.ask(
                fast,
                prompts.elements(paper),
                new StructuredChat.Expected<>(Schemas.ELEMENTS, ResearchElements.class, e -> {}));
    }

    /** Related work found from the paper's title, abstract, identifiers and the extracted keywords. */
    public RelatedWork relatedWork(Paper paper, ResearchElements elements) {
        return related.find(new LiteratureQuery(
                paper.title(),
                paper.abstractText(),
                elements.keywords(),
                paper.ids().arxivId(),
                paper.ids().doi()));
    }

    /**
     * {@code n} distinct hypotheses, each with an experiment plan, ids H1..Hn (main model, one call); fewer when the
     * model still gives fewer distinct ones after a repair.
     */
    public List<Hypothesis> hypotheses(Paper paper, ResearchElements elements, RelatedWork related, int n) {
        if (n < 1 || n > 10) {
            throw new IllegalArgumentException("between 1 and 10 hypotheses can be drafted at once: " + n);
        }
        HypothesesAnswer answer = StructuredChat.ask(
                main,
                prompts.hypotheses(paper, elements, related, n),
                new StructuredChat.Expected<>(
                        Schemas.HYPOTHESES,
                        HypothesesAnswer.class,
                        a -> a.atMost(n),
                        a -> a.check(n),
                        HypothesesAnswer::distinct));
        return IntStream.range(0, answer.hypotheses().size())
                .mapToObj(i -> answer.hypotheses().get(i).first("H" + (i + 1)))
                .toList();
    }

    /** The hypotheses with their reviews set, best ranked first (main model, one call). */
    public List<Hypothesis> review(List<Hypothesis> hypotheses, RelatedWork related) {
        List<String> ids = hypotheses.stream().map(Hypothesis::id).toList();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("hypotheses to review need distinct ids: " + ids);
        }
        if (hypotheses.isEmpty()) {
            return List.of();
        }
        ReviewsAnswer answer = StructuredChat.ask(
                main,
                prompts.review(hypotheses, related),
                StructuredChat.Expected.normalizing(Schemas.reviews(ids), ReviewsAnswer.class, a -> a.normalized(ids)));
        return hypotheses.stream()
                .map(h -> h.withReview(answer.of(h.id())))
                .sorted(Comparator.comparingInt(h -> h.review().rank()))
                .toList();
    }

    /** The next version of a hypothesis, addressing the team's feedback; unreviewed (main model, one call). */
    public Hypothesis revise(Hypothesis hypothesis, HumanFeedback feedback, RelatedWork related) {
        RevisionAnswer answer = StructuredChat.ask(
                main,
                prompts.revise(hypothesis, feedback, related),
                new StructuredChat.Expected<>(Schemas.REVISION, RevisionAnswer.class, a -> {}));
        return hypothesis.revisedTo(answer.hypothesis(), answer.changeSummary());
    }
}
