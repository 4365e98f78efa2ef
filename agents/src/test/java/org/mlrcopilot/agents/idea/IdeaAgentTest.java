package org.mlrcopilot.agents.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlrcopilot.agents.idea.Fixtures.answer;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;

class IdeaAgentTest {

    private static final String SECTION_SENTENCE = "Using the keywords, IdeaAgent retrieves a set of recent papers";

    private final Paper paper = Fixtures.paper();
    private final RelatedWork related = Fixtures.relatedWork();
    private final List<LiteratureQuery> queries = new ArrayList<>();
    private final ScriptedChatModel fast = new ScriptedChatModel(answer("elements"));
    private final ScriptedChatModel main =
            new ScriptedChatModel(answer("hypotheses"), answer("review"), answer("revision"), answer("revision"));
    private final IdeaAgent agent = new IdeaAgent(
            main,
            fast,
            query -> {
                queries.add(query);
                return related;
            },
            IdeaSettings.defaults());

    @Test
    void theWholeStageTakesThreeCallsAndRanksReviewedHypothesesWithPlans() {
        List<String> steps = new ArrayList<>();
        IdeaBrief brief = agent.run(paper, steps::add);

        assertThat(fast.calls()).isEqualTo(1);
        assertThat(main.calls()).isEqualTo(2);
        assertThat(brief.hypotheses()).extracting(Hypothesis::id).containsExactly("H2", "H1", "H3");
        assertThat(brief.hypotheses()).extracting(h -> h.review().rank()).containsExactly(1, 2, 3);
        assertThat(brief.hypotheses()).allSatisfy(h -> {
            assertThat(h.version()).isEqualTo(1);
            assertThat(h.plan().datasets()).isNotEmpty();
            assertThat(h.plan().successCriterion()).isNotBlank();
            assertThat(h.changeSummary()).isEmpty();
            assertThat(h.history()).isEmpty();
        });
        assertThat(brief.hypotheses().get(0).review().overall()).isEqualTo(4.2);
        assertThat(brief.elements().gaps()).hasSize(4);
        assertThat(brief.relatedWork()).isEqualTo(related);
        assertThat(steps).hasSize(5).anySatisfy(s -> assertThat(s).contains("Found 7 related papers"));
    }

    @Test
    void theElementsPromptCarriesAbstractAndSectionsButNotReferencesAndIsBounded() {
        agent.elements(paper);
        String prompt = fast.user(0);

        assertThat(prompt)
                .contains(
                        paper.title(),
                        paper.abstractText(),
                        SECTION_SENTENCE,
                        "2.1 Research Idea Generation",
                        "Our evaluation covers only five tasks");
        assertThat(paper.references())
                .isNotEmpty()
                .allSatisfy(ref -> assertThat(prompt).doesNotContain(ref));
        assertThat(prompt).doesNotContain("Huang, Q., Vora, J.");
        int fullText = paper.abstractText().length()
                + paper.sections().stream().mapToInt(s -> s.text().length()).sum();
        assertThat(fullText).isGreaterThan(IdeaSettings.defaults().maxPaperChars());
        assertThat(prompt)
                .doesNotContain(Fixtures.LAST_APPENDIX_SENTENCE)
                .hasSizeLessThan(IdeaSettings.defaults().maxPaperChars() + 400);
    }

    @Test
    void theRelatedWorkSearchGetsTheKeywordsTitleAndIds() {
        ResearchElements elements = agent.elements(paper);
        agent.relatedWork(paper, elements);

        assertThat(queries).singleElement().satisfies(q -> {
            assertThat(q.keywords()).containsExactlyElementsOf(elements.keywords());
            assertThat(q.title()).isEqualTo(paper.title());
            assertThat(q.abstractText()).startsWith("Machine learning research, crucial");
            assertThat(q.arxivId()).isEqualTo("2408.14033");
        });
    }

    @Test
    void theHypothesesPromptCarriesGapsKeywordsAndTheTopRelatedPapersOnly() {
        ResearchElements elements = agent.elements(paper);
        agent.hypotheses(paper, elements, related, 3);
        String prompt = main.user(0);

        assertThat(prompt)
                .contains(elements.gaps())
                .contains(elements.keywords())
                .contains(elements.methodSummary());
        List<RelatedPaper> papers = related.papers();
        for (RelatedPaper p : papers.subList(0, 5)) {
            assertThat(prompt).contains(p.title(), p.abstractText().substring(0, 300));
        }
        assertThat(prompt).doesNotContain(papers.get(5).title(), papers.get(6).title(), "[R6]");
        assertThat(papers.get(0).abstractText()).hasSizeGreaterThan(600);
        assertThat(prompt)
                .doesNotContain("human preference-aligned large language models")
                .doesNotContain(SECTION_SENTENCE);
        assertThat(main.system(0)).contains("exactly 3 hypotheses");
    }

    @Test
    void theReviewPromptCarriesTheHypothesesAndTheRelatedWork() {
        List<Hypothesis> drafted = agent.hypotheses(paper, agent.elements(paper), related, 3);
        agent.review(drafted, related);
        String prompt = main.user(1);

        assertThat(drafted)
                .allSatisfy(h -> assertThat(prompt)
                        .contains(
                                "### " + h.id(),
                                h.title(),
                                h.method(),
                                h.plan().successCriterion(),
                                h.plan().procedure().get(0)));
        assertThat(prompt).contains("torchvision.datasets.CIFAR10", "40.0 GPU hours");
        assertThat(related.papers().subList(0, 5))
                .allSatisfy(p -> assertThat(prompt).contains(p.title()));
        assertThat(prompt).doesNotContain(SECTION_SENTENCE);
    }

    @Test
    void reviseMakesTheNextVersionKeepsTheHistoryAndShowsTheCommentsVerbatim() {
        Hypothesis best = agent.run(paper, IdeaProgress.silent()).hypotheses().get(0);
        HumanFeedback feedback = new HumanFeedback(
                List.of(
                        "Compare against SciMON's novelty loop, please.",
                        "20 GPU hours is too much for us; can we stay under 10?"),
                2,
                3);

        Hypothesis v2 = agent.revise(best, feedback, related);

        String prompt = main.user(2);
        assertThat(prompt)
                .contains(feedback.comments())
                .contains("2 up-vote(s), 3 down-vote(s), net -1")
                .contains(best.title(), best.review().noveltyAssessment());
        assertThat(v2.id()).isEqualTo(best.id());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.review()).isNull();
        assertThat(v2.changeSummary()).startsWith("[C1] Added SciMON");
        assertThat(v2.title()).isEqualTo("Retrieval quality, not quantity, drives idea novelty");
        assertThat(v2.history()).singleElement().satisfies(old -> {
            assertThat(old.version()).isEqualTo(1);
            assertThat(old.title()).isEqualTo(best.title());
            assertThat(old.review()).isEqualTo(best.review());
        });

        Hypothesis v3 = agent.revise(v2, new HumanFeedback(List.of(), 4, 0), related);
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.history()).extracting(Hypothesis::version).containsExactly(1, 2);
        assertThat(main.calls()).isEqualTo(4);
    }

    @Test
    void theWholeStageStaysUnderFortyThousandPromptTokens() {
        agent.run(paper, IdeaProgress.silent());

        int chars = fast.requests.stream().mapToInt(ScriptedChatModel::chars).sum()
                + main.requests.stream().mapToInt(ScriptedChatModel::chars).sum();
        assertThat(chars / 4).isLessThan(40_000);
        assertThat(main.requests)
                .allSatisfy(r -> assertThat(ScriptedChatModel.chars(r)).isLessThan(20_000));
    }
}
