package org.mlrcopilot.agents.research;

import java.time.Instant;
import java.util.Objects;

/**
 * A team member's words about a hypothesis or a running experiment.
 *
 * @param hypothesisId the hypothesis it answers ("H2"), "" when it is about the research as a whole or a run
 * @param runId        the run it was given to, "" otherwise
 */
public record Feedback(String researchId, String hypothesisId, String runId, String author, String text, Instant at) {

    public Feedback {
        ResearchIds.require(researchId, "researchId");
        hypothesisId = Objects.requireNonNullElse(hypothesisId, "");
        runId = Objects.requireNonNullElse(runId, "");
        ResearchIds.require(author, "author");
        ResearchIds.require(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
