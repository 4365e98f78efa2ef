package org.mlrcopilot.agents.experiment.tree;

import java.util.List;
import java.util.function.Supplier;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.TeamChannel;

/** A team that writes only the replies it is given and answers the control polls with {@code control}. */
final class Team implements TeamChannel {

    private final Supplier<RunControl> control;
    private final java.util.Deque<List<String>> replies = new java.util.concurrent.ConcurrentLinkedDeque<>();

    Team(Supplier<RunControl> control) {
        this.control = control;
    }

    private final java.util.Deque<Boolean> verdicts = new java.util.concurrent.ConcurrentLinkedDeque<>();
    final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The team answers the next approval questions with {@code answers}, in order. */
    Team approving(Boolean... answers) {
        verdicts.addAll(List.of(answers));
        return this;
    }

    /** The team replies {@code texts}, read at the next poll for feedback. */
    Team replying(String... texts) {
        replies.add(List.of(texts));
        return this;
    }

    static Team running() {
        return new Team(() -> RunControl.RUNNING);
    }

    @Override
    public List<String> feedbackSince(int step) {
        List<String> next = replies.poll();
        return next == null ? List.of() : next;
    }

    @Override
    public String answer(String question) {
        throw new AssertionError("unexpected question: " + question);
    }

    @Override
    public boolean approve(String description) {
        Boolean verdict = verdicts.poll();
        if (verdict == null) {
            throw new AssertionError("unexpected approval request: " + description);
        }
        asked.add(description);
        return verdict;
    }

    @Override
    public RunControl control() {
        return control.get();
    }
}
