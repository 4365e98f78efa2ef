package org.mlrcopilot.agents.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlrcopilot.agents.idea.Fixtures.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;

class StructuredOutputTest {

    private final Paper paper = Fixtures.paper();
    private final RelatedWork related = Fixtures.relatedWork();

    private IdeaAgent agent(ScriptedChatModel main, ScriptedChatModel fast) {
        return new IdeaAgent(main, fast, query -> related, IdeaSettings.defaults());
    }

    @Test
    void theJsonSchemaIsSentOnlyToModelsDeclaringSupportForIt() {
        ScriptedChatModel capable =
                new ScriptedChatModel(Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA), answer("elements"));
        ScriptedChatModel plain = new ScriptedChatModel(answer("elements"));
        agent(plain, capable).elements(paper);
        agent(plain, plain).elements(paper);

        ChatRequest sent = capable.requests.get(0);
        assertThat(sent.responseFormat().type()).isEqualTo(ResponseFormatType.JSON);
        assertThat(sent.responseFormat().jsonSchema().name()).isEqualTo("research_elements");
        assertThat(((JsonObjectSchema) sent.responseFormat().jsonSchema().rootElement()).required())
                .containsExactly("tasks", "gaps", "keywords", "methodSummary");
        assertThat(plain.requests.get(0).responseFormat()).isNull();
        assertThat(plain.system(0)).contains("\"methodSummary\"");
    }

    @Test
    void fencedJsonWithProseAroundItIsAccepted() {
        String prosy = "Sure! Here are the research elements {as requested}:\n```json\n"
                + answer("elements").replace("run to completion.\"", "run to completion {see Sec. 3.2}.\"")
                + "\n```\nLet me know if you need anything else :-} Cheers.";
        ScriptedChatModel fast = new ScriptedChatModel(prosy);

        ResearchElements elements = agent(new ScriptedChatModel(), fast).elements(paper);

        assertThat(fast.calls()).isEqualTo(1);
        assertThat(elements.methodSummary()).endsWith("run to completion {see Sec. 3.2}.");
        assertThat(elements.keywords()).contains("LLM research agents");
    }

    @Test
    void malformedJsonIsRepairedWithOneMoreCallThatNamesTheProblem() {
        String truncated = answer("hypotheses").substring(0, 700);
        ScriptedChatModel fast = new ScriptedChatModel(answer("elements"));
        ScriptedChatModel main = new ScriptedChatModel(truncated, answer("hypotheses"), answer("review"));

        IdeaBrief brief = agent(main, fast).run(paper, IdeaProgress.silent());

        assertThat(fast.calls() + main.calls()).isEqualTo(4);
        assertThat(brief.hypotheses()).hasSize(3);
        ChatRequest repair = main.requests.get(1);
        assertThat(repair.messages()).hasSize(4);
        assertThat(((AiMessage) repair.messages().get(2)).text()).isEqualTo(truncated);
        assertThat(main.user(1)).contains("hypotheses step", "never closed", "corrected JSON object only");
    }

    @Test
    void anAnswerStillMalformedAfterTheRepairFailsTheStepWithoutFurtherCalls() {
        ScriptedChatModel fast = new ScriptedChatModel("I cannot read PDFs.", answer("elements"));
        ScriptedChatModel main =
                new ScriptedChatModel("{\"hypotheses\": [", "Sorry, here: {\"hypotheses\": []}", answer("review"));

        assertThatThrownBy(() -> agent(main, fast).run(paper, IdeaProgress.silent()))
                .isInstanceOf(LlmOutputException.class)
                .hasMessage("the model's answer for hypotheses was not valid JSON after one repair attempt: "
                        + "expected exactly 3 hypotheses but got 0");
        assertThat(fast.calls() + main.calls()).isEqualTo(4);
        assertThat(fast.user(1)).contains("contains no JSON object");
    }

    @Test
    void aScoreOfSevenIsInvalidAndRepaired() {
        ScriptedChatModel main = new ScriptedChatModel(
                answer("hypotheses"), answer("review").replaceFirst("\"score\": 4", "\"score\": 7"), answer("review"));
        IdeaAgent agent = agent(main, new ScriptedChatModel(answer("elements")));
        List<Hypothesis> drafted = agent.hypotheses(paper, agent.elements(paper), related, 3);

        List<Hypothesis> reviewed = agent.review(drafted, related);

        assertThat(main.calls()).isEqualTo(3);
        assertThat(main.user(2)).contains("at reviews[0].clarity", "score must be an integer from 1 to 5, got 7");
        assertThat(reviewed).allSatisfy(h -> assertThat(h.review()).isNotNull());
    }

    @Test
    void tooFewHypothesesAreRepairedAndTiedRanksComeFromTheScores() {
        String twoOnly =
                answer("hypotheses").replaceFirst("(?s),\\s*\\{\\s*\"title\": \"Paper-grounded.*(?=\\n  ])", "");
        String tiedRanks = answer("review").replace("\"rank\": 3", "\"rank\": 2");
        ScriptedChatModel main = new ScriptedChatModel(twoOnly, answer("hypotheses"), tiedRanks);

        IdeaBrief brief = agent(main, new ScriptedChatModel(answer("elements"))).run(paper, IdeaProgress.silent());

        assertThat(main.calls()).as("ranks are derived, not asked again").isEqualTo(3);
        assertThat(main.user(1)).contains("expected exactly 3 hypotheses but got 2");
        assertThat(brief.hypotheses()).extracting(h -> h.review().rank()).containsExactly(1, 2, 3);
        assertThat(brief.hypotheses())
                .extracting(h -> h.review().overall())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void duplicateTitlesAreRepaired() {
        String duplicate = answer("hypotheses")
                .replace(
                        "Cross-family judges remove self-preference in idea evaluation",
                        "Retrieval quality drives idea novelty in paper-grounded ideation");
        ScriptedChatModel main = new ScriptedChatModel(duplicate, answer("hypotheses"));
        IdeaAgent agent = agent(main, new ScriptedChatModel(answer("elements")));

        agent.hypotheses(paper, agent.elements(paper), related, 3);

        assertThat(main.user(1)).contains("two hypotheses share the title");
    }
}
