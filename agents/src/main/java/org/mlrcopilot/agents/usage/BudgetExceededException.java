package org.mlrcopilot.agents.usage;

/** The step stopped before an LLM call because a budget is spent; retrying does not help until it is raised. */
public class BudgetExceededException extends RuntimeException {

    public BudgetExceededException(String message) {
        super(message);
    }
}
