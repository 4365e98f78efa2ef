package org.mlrcopilot.agents.research;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import org.junit.jupiter.api.Test;

/** What the thread is told when a model call fails: a plain phrase, never the provider's or the host's details. */
class FailuresTest {

    @Test
    void aFailedModelCallIsToldPlainly() {
        Failures key = Failures.thinking(new RuntimeException(
                new AuthenticationException("Incorrect API key provided: sk-proj-abc***xyz. Organization org-8Hq2")));
        assertThat(key.cause())
                .contains("the provider refused the API key")
                .doesNotContain("sk-proj")
                .doesNotContain("org-8Hq2");
        assertThat(Failures.thinking(new RateLimitException("limit for org-8Hq2 on gpt-4o"))
                        .cause())
                .contains("rate-limiting")
                .doesNotContain("org-8Hq2");
        assertThat(Failures.thinking(new HttpException(418, "{\"error\":\"teapot at /srv/keys\"}"))
                        .cause())
                .contains("HTTP 418")
                .doesNotContain("/srv/keys");
        assertThat(Failures.thinking(new IllegalStateException("cannot open /home/mlr/.env"))
                        .cause())
                .contains("IllegalStateException")
                .contains("details in the service log")
                .doesNotContain("/home/mlr");
    }

    @Test
    void aSpentBudgetPointsAtTheKindOfBudgetThatIsSpent() {
        org.mlrcopilot.agents.usage.Budget budget = new org.mlrcopilot.agents.usage.Budget(0, 0, 1000, 0);
        String refusal = budget.refusal(
                new org.mlrcopilot.agents.usage.UsageTotals(3, 1000, 200, 0, 0.01),
                org.mlrcopilot.agents.usage.UsageTotals.ZERO);
        Failures tokens = Failures.thinking(new org.mlrcopilot.agents.usage.BudgetExceededException(refusal));
        assertThat(tokens.cause()).contains("raise budget.perResearchTokens");
        assertThat(tokens.nextStep()).contains("budget.*Tokens").doesNotContain("Usd");

        Failures dollars = Failures.thinking(new org.mlrcopilot.agents.usage.BudgetExceededException(
                new org.mlrcopilot.agents.usage.Budget(1, 0, 0, 0)
                        .refusal(
                                new org.mlrcopilot.agents.usage.UsageTotals(3, 10, 5, 0, 1.5),
                                org.mlrcopilot.agents.usage.UsageTotals.ZERO)));
        assertThat(dollars.nextStep()).contains("budget.*Usd").doesNotContain("Tokens");
    }
}
