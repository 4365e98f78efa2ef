package org.mlrcopilot.agents.research;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.TeamChannel;

/**
 * The team behind one run, as the experiment agent sees it: feedback from the store, questions asked in the
 * thread and answered by the next reply, and the run control set by stop / pause / resume.
 */
final class RunTeam implements TeamChannel {

    private final String runId;
    private final ResearchStore store;
    private final RunStore runs;
    private final Asker asker;
    private final java.util.function.BooleanSupplier stopping;
    private final AtomicReference<RunControl> control = new AtomicReference<>(RunControl.RUNNING);
    private final AtomicReference<CompletableFuture<Reply>> pending = new AtomicReference<>();
    /** Whether the pending question is an approval, which only an approver's reply answers. */
    private volatile boolean approving;

    /** A reply in the run's thread: who wrote it, what they wrote (as typed), and whether they may approve. */
    record Reply(String author, String text, boolean approver) {}

    private volatile int delivered;

    /** Posts a question to the thread; an approval question carries Approve / Decline where the chat can. */
    interface Asker {
        void ask(String question, boolean approval);
    }

    /** {@code stopping}: true once the service shuts down; the run then sees itself stopped. */
    RunTeam(
            String runId,
            ResearchStore store,
            RunStore runs,
            Asker asker,
            java.util.function.BooleanSupplier stopping) {
        this.stopping = stopping;
        this.runId = runId;
        this.store = store;
        this.runs = runs;
        this.asker = asker;
        // delivered: what the recorded steps carried, so feedback stored after the last step (acknowledged just
        // before the service was killed, say) still reaches the agent after the restart
        this.delivered = Math.min(
                store.runFeedback(runId).size(),
                runs.steps(runId).stream().mapToInt(s -> s.feedback().size()).sum());
    }

    @Override
    public synchronized List<String> feedbackSince(int step) {
        List<Feedback> all = store.runFeedback(runId);
        List<String> fresh = all.subList(Math.min(delivered, all.size()), all.size()).stream()
                .map(f -> f.author() + ": " + f.text())
                .toList();
        delivered = all.size();
        return fresh;
    }

    @Override
    public String answer(String question) {
        Reply reply = ask(question, false);
        return reply.author().isEmpty() ? reply.text() : reply.author() + ": " + reply.text();
    }

    /** The next reply in the thread to {@code question}, anyone's. */
    Reply question(String question) {
        return ask(question, false);
    }

    /** The reply to {@code question}; when {@code approval}, only an approver's reply answers it. */
    private Reply ask(String question, boolean approval) {
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        approving = approval;
        pending.set(answer);
        asker.ask(question, approval);
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply("", "(no answer: the run is stopping)", false);
        } catch (ExecutionException e) {
            return new Reply("", "(no answer: " + e.getCause().getMessage() + ")", false);
        } finally {
            pending.compareAndSet(answer, null);
        }
    }

    /** Asked in the thread; answered only by an approver, whose reply is read as typed (not by the name before it). */
    @Override
    public boolean approve(String description) {
        Reply reply = ask(
                "May I go ahead? " + description
                        + "\nAn approver presses *Approve* or *Decline*, or replies *yes* or *no*.",
                true);
        if (!reply.approver()) {
            return false; // stopped, or the run is ending
        }
        String word = reply.text().strip().toLowerCase(Locale.ROOT);
        return word.startsWith("yes") || word.startsWith("ok") || word.startsWith("approve") || word.equals("y");
    }

    @Override
    public RunControl control() {
        return stopping.getAsBoolean() ? RunControl.STOPPED : control.get();
    }

    boolean waiting() {
        return pending.get() != null;
    }

    /** Whether the run waits for an approver's answer. */
    boolean awaitingApproval() {
        return pending.get() != null && approving;
    }

    /**
     * Answers the pending question; false when none is pending, or when it is an approval and the reply is not an
     * approver's (the question stays open for one).
     */
    boolean reply(Reply reply) {
        if (approving && !reply.approver() && pending.get() != null) {
            return false;
        }
        CompletableFuture<Reply> answer = pending.getAndSet(null);
        if (answer == null) {
            return false;
        }
        feedbackSince(0);
        answer.complete(reply);
        return true;
    }

    void set(RunControl next) {
        control.set(next);
        if (next == RunControl.STOPPED) {
            CompletableFuture<Reply> answer = pending.getAndSet(null);
            if (answer != null) {
                answer.complete(new Reply("", "(no answer: the run was stopped)", false));
            }
        }
    }
}
