package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.BUDGET_PER_DAY_TOKENS;
import static org.mlrcopilot.config.Key.BUDGET_PER_DAY_USD;
import static org.mlrcopilot.config.Key.BUDGET_PER_RESEARCH_TOKENS;
import static org.mlrcopilot.config.Key.BUDGET_PER_RESEARCH_USD;
import static org.mlrcopilot.config.Key.BUDGET_PRICES;

/** Spending limits for language model use, per research run and per day. */
public record BudgetConfig(
        double perResearchUsd,
        double perDayUsd,
        long perResearchTokens,
        long perDayTokens,
        String prices,
        double perPersonUsd,
        int researchesPerHour) {

    public BudgetConfig(
            double perResearchUsd, double perDayUsd, long perResearchTokens, long perDayTokens, String prices) {
        this(perResearchUsd, perDayUsd, perResearchTokens, perDayTokens, prices, 20.0, 10);
    }

    public BudgetConfig {
        BUDGET_PER_RESEARCH_USD.require(perResearchUsd);
        BUDGET_PER_DAY_USD.require(perDayUsd);
        BUDGET_PER_RESEARCH_TOKENS.require(perResearchTokens);
        BUDGET_PER_DAY_TOKENS.require(perDayTokens);
        BUDGET_PRICES.require(prices);
        Key.BUDGET_PER_PERSON_USD.require(perPersonUsd);
        Key.BUDGET_RESEARCHES_PER_HOUR.require(researchesPerHour);
    }

    static BudgetConfig from(Values v) {
        return new BudgetConfig(
                v.decimal(BUDGET_PER_RESEARCH_USD),
                v.decimal(BUDGET_PER_DAY_USD),
                v.number(BUDGET_PER_RESEARCH_TOKENS),
                v.number(BUDGET_PER_DAY_TOKENS),
                v.text(BUDGET_PRICES),
                v.decimal(Key.BUDGET_PER_PERSON_USD),
                v.integer(Key.BUDGET_RESEARCHES_PER_HOUR));
    }
}
