package org.mlrcopilot.agents.usage;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.mlrcopilot.agents.llm.DelegatingChatModel;

/**
 * A chat model that checks the budgets before every call and records every call's usage
 * (role, model served, tokens, latency, outcome, cost), failures included.
 */
public final class MeteredChatModel extends DelegatingChatModel {

    private final String role;
    private final UsageContext context;

    public MeteredChatModel(ChatModel delegate, String role, UsageContext context) {
        super(delegate);
        this.role = role;
        this.context = context;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        checkBudget();
        Instant start = context.clock().instant();
        try {
            ChatResponse response = delegate.chat(request);
            record(response.modelName(), response.tokenUsage(), start, "ok");
            return response;
        } catch (RuntimeException e) {
            record(requestedModel(request), null, start, outcomeOf(e));
            throw e;
        }
    }

    private void checkBudget() {
        UsageTotals research = context.store().forResearch(context.researchId());
        UsageTotals today = context.store()
                .forTeamOn(
                        context.team(),
                        context.clock().instant().atOffset(ZoneOffset.UTC).toLocalDate());
        String refusal = context.budget().refusal(research, today);
        if (refusal != null) {
            throw new BudgetExceededException(refusal);
        }
    }

    private void record(String model, TokenUsage usage, Instant start, String outcome) {
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        long cached = usage == null ? 0 : Math.min(in, context.cachedTokens().applyAsLong(usage));
        double cost = context.prices().priceOf(model).cost(in, out, cached);
        Instant end = context.clock().instant();
        context.store()
                .record(new Usage(
                        context.researchId(),
                        context.team(),
                        role,
                        model,
                        in,
                        out,
                        cached,
                        Duration.between(start, end),
                        outcome,
                        cost,
                        end));
    }

    private String requestedModel(ChatRequest request) {
        String name = request.modelName();
        if (name == null && delegate.defaultRequestParameters() != null) {
            name = delegate.defaultRequestParameters().modelName();
        }
        return name == null ? "" : name;
    }

    static String outcomeOf(RuntimeException e) {
        String name = e.getClass().getSimpleName().replace("Exception", "");
        return name.isEmpty()
                ? "error"
                : name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
