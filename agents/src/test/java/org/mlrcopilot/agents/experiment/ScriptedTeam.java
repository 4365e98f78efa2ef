package org.mlrcopilot.agents.experiment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The team, scripted: feedback per step, answers, approvals and run controls in order. */
final class ScriptedTeam implements TeamChannel {

    final Map<Integer, List<String>> feedback = new HashMap<>();
    final Deque<String> answers = new ArrayDeque<>();
    final Deque<Boolean> approvals = new ArrayDeque<>();
    final Deque<RunControl> controls = new ArrayDeque<>();
    final List<String> questions = new ArrayList<>();
    final List<String> approvalRequests = new ArrayList<>();
    final List<Integer> feedbackPolls = new ArrayList<>();
    RunControl afterScript = RunControl.RUNNING;

    @Override
    public List<String> feedbackSince(int step) {
        feedbackPolls.add(step);
        return feedback.getOrDefault(step, List.of());
    }

    @Override
    public String answer(String question) {
        questions.add(question);
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected question: " + question);
        }
        return answers.pop();
    }

    @Override
    public boolean approve(String description) {
        approvalRequests.add(description);
        if (approvals.isEmpty()) {
            throw new AssertionError("unexpected approval request: " + description);
        }
        return approvals.pop();
    }

    @Override
    public RunControl control() {
        return controls.isEmpty() ? afterScript : controls.pop();
    }
}
