package org.mlrcopilot.agents.experiment.tree;

import java.util.List;
import java.util.function.Supplier;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.TeamChannel;

/** A team that never writes and answers the control polls with {@code control}. */
final class Team implements TeamChannel {

    private final Supplier<RunControl> control;

    Team(Supplier<RunControl> control) {
        this.control = control;
    }

    static Team running() {
        return new Team(() -> RunControl.RUNNING);
    }

    @Override
    public List<String> feedbackSince(int step) {
        return List.of();
    }

    @Override
    public String answer(String question) {
        throw new AssertionError("unexpected question: " + question);
    }

    @Override
    public boolean approve(String description) {
        throw new AssertionError("unexpected approval request: " + description);
    }

    @Override
    public RunControl control() {
        return control.get();
    }
}
