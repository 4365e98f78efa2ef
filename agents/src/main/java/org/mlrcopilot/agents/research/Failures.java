package org.mlrcopilot.agents.research;

import org.mlrcopilot.agents.idea.LlmOutputException;
import org.mlrcopilot.agents.paper.PaperNotFoundException;
import org.mlrcopilot.agents.paper.link.UnsupportedLinkException;
import org.mlrcopilot.agents.usage.BudgetExceededException;

/** The short cause and the next step shown in the thread when a stage fails. */
record Failures(String cause, String nextStep) {

    static Failures reading(RuntimeException e) {
        if (e instanceof UnsupportedLinkException || e instanceof PaperNotFoundException) {
            return new Failures(message(e), "check the link and post it again in the channel");
        }
        return new Failures("I could not read the paper: " + message(e),
                "try again later, or post a direct PDF link");
    }

    static Failures thinking(RuntimeException e) {
        if (e instanceof BudgetExceededException) {
            return new Failures(message(e), "raise budget.perResearchUsd / budget.perDayUsd, or wait for tomorrow");
        }
        if (e instanceof LlmOutputException) {
            return new Failures("the language model's answer was unusable: " + message(e),
                    "react with :repeat: to try again");
        }
        return new Failures("the language model call failed: " + message(e), "react with :repeat: to try again");
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
