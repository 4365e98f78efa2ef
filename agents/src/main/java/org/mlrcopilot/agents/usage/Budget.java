package org.mlrcopilot.agents.usage;

/** Spending limits, checked before every call. Zero means no limit of that kind. */
public record Budget(double perResearchUsd, double perDayUsd, long perResearchTokens, long perDayTokens) {

    public Budget {
        if (perResearchUsd < 0 || perDayUsd < 0 || perResearchTokens < 0 || perDayTokens < 0) {
            throw new IllegalArgumentException("budgets cannot be negative");
        }
    }

    public static Budget unlimited() {
        return new Budget(0, 0, 0, 0);
    }

    /** Null when the next call may go ahead; else the reason, naming what was spent and the setting to raise. */
    public String refusal(UsageTotals research, UsageTotals teamToday) {
        if (perResearchUsd > 0 && research.costUsd() >= perResearchUsd) {
            return String.format(
                    "this research has spent $%.2f of its $%.2f budget; raise budget.perResearchUsd " + "to continue",
                    research.costUsd(), perResearchUsd);
        }
        if (perDayUsd > 0 && teamToday.costUsd() >= perDayUsd) {
            return String.format(
                    "the team has spent $%.2f of today's $%.2f budget; raise budget.perDayUsd or "
                            + "wait until tomorrow (UTC)",
                    teamToday.costUsd(), perDayUsd);
        }
        if (perResearchTokens > 0 && research.tokens() >= perResearchTokens) {
            return String.format(
                    "this research has used %,d of its %,d tokens; raise budget.perResearchTokens " + "to continue",
                    research.tokens(), perResearchTokens);
        }
        if (perDayTokens > 0 && teamToday.tokens() >= perDayTokens) {
            return String.format(
                    "the team has used %,d of today's %,d tokens; raise budget.perDayTokens or wait "
                            + "until tomorrow (UTC)",
                    teamToday.tokens(), perDayTokens);
        }
        return null;
    }
}
