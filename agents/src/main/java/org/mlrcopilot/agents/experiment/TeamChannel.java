package org.mlrcopilot.agents.experiment;

import java.util.List;

/** The humans behind a run; chat platforms and the CLI implement it. */
public interface TeamChannel {

    /** Feedback that arrived after {@code step} was completed; never blocks. */
    List<String> feedbackSince(int step);

    /** Blocks until the team answers {@code question}. */
    String answer(String question);

    /** Blocks until the team approves or declines what {@code description} says the agent is about to do. */
    boolean approve(String description);

    /** Polled between steps. */
    RunControl control();
}
