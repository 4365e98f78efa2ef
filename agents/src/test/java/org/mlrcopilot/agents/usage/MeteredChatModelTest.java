package org.mlrcopilot.agents.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeteredChatModelTest {

    /** langchain4j's port, answered from a script. */
    static final class ScriptedModel implements ChatModel {
        final Deque<Object> answers = new ArrayDeque<>();
        int calls;

        @Override
        public ChatResponse chat(ChatRequest request) {
            calls++;
            Object next = answers.pop();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from("ok"))
                    .modelName((String) next)
                    .tokenUsage(new TokenUsage(1_000_000, 100_000))
                    .build();
        }
    }

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryUsageStore store = new InMemoryUsageStore();
    private final PriceTable prices = new PriceTable(Map.of("gpt-4o", new Price(2.5, 10, 1.25)));

    private UsageContext context(Budget budget) {
        return new UsageContext("r1", "team-a", store, prices, budget, clock, usage -> 400_000);
    }

    private static ChatRequest hello() {
        return ChatRequest.builder().messages(UserMessage.from("hello")).build();
    }

    @Test
    void recordsRoleServedModelTokensCachedAndCost() {
        ScriptedModel model = new ScriptedModel();
        model.answers.add("gpt-4o-2024-08-06");
        new MeteredChatModel(model, "main", context(Budget.unlimited())).chat(hello());

        Usage u = store.ofResearch("r1").get(0);
        assertThat(u.role()).isEqualTo("main");
        assertThat(u.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(u.inputTokens()).isEqualTo(1_000_000);
        assertThat(u.outputTokens()).isEqualTo(100_000);
        assertThat(u.cachedTokens()).isEqualTo(400_000);
        assertThat(u.costUsd()).isCloseTo(0.6 * 2.5 + 0.4 * 1.25 + 0.1 * 10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(u.outcome()).isEqualTo("ok");
        assertThat(store.forTeamOn("team-a", LocalDate.of(2026, 11, 26)).calls())
                .isEqualTo(1);
    }

    @Test
    void failuresAreRecordedToo() {
        ScriptedModel model = new ScriptedModel();
        model.answers.add(new IllegalStateException("boom"));
        MeteredChatModel metered = new MeteredChatModel(model, "fast", context(Budget.unlimited()));

        assertThatThrownBy(() -> metered.chat(hello())).hasMessage("boom");
        assertThat(store.ofResearch("r1")).singleElement().satisfies(u -> {
            assertThat(u.outcome()).isEqualTo("illegal-state");
            assertThat(u.role()).isEqualTo("fast");
        });
    }

    @Test
    void budgetIsCheckedBeforeTheCallAndNamesTheSetting() {
        ScriptedModel model = new ScriptedModel();
        model.answers.add("gpt-4o");
        model.answers.add("gpt-4o");
        MeteredChatModel metered = new MeteredChatModel(model, "main", context(new Budget(2.0, 0, 0, 0)));

        metered.chat(hello());
        assertThatThrownBy(() -> metered.chat(hello()))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("$3.00 of its $2.00")
                .hasMessageContaining("budget.perResearchUsd");
        assertThat(model.calls).isEqualTo(1);
    }

    @Test
    void dailyTeamAndTokenBudgets() {
        store.record(new Usage(
                "other", "team-a", "main", "gpt-4o", 10, 10, 0, java.time.Duration.ZERO, "ok", 60, clock.instant()));
        Budget daily = new Budget(0, 50, 0, 0);
        assertThat(daily.refusal(store.forResearch("r1"), store.forTeamOn("team-a", LocalDate.of(2026, 11, 26))))
                .contains("budget.perDayUsd");
        Budget tokens = new Budget(0, 0, 15, 0);
        assertThat(tokens.refusal(store.forResearch("other"), UsageTotals.ZERO)).contains("budget.perResearchTokens");
        assertThat(Budget.unlimited().refusal(store.forResearch("other"), store.forResearch("other")))
                .isNull();
    }

    @Test
    void pricesMatchTheLongestModelPrefixAndUnknownModelsAreFree() {
        PriceTable table = PriceTable.defaults();
        assertThat(table.priceOf("gpt-4o-mini-2024-07-18")).isEqualTo(new Price(0.15, 0.60, 0.075));
        assertThat(table.priceOf("gpt-4o-2024-08-06")).isEqualTo(new Price(2.50, 10.00, 1.25));
        assertThat(table.priceOf("llama3.1:8b")).isEqualTo(Price.FREE);
        assertThat(table.with(Map.of("llama3.1", new Price(1, 1, 1))).priceOf("llama3.1:8b"))
                .isEqualTo(new Price(1, 1, 1));
    }
}
