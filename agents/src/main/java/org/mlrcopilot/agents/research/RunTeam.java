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
    private final Asker asker;
    private final java.util.function.BooleanSupplier stopping;
    private final AtomicReference<RunControl> control = new AtomicReference<>(RunControl.RUNNING);
    private final AtomicReference<CompletableFuture<String>> pending = new AtomicReference<>();
    private volatile int delivered;

    /** Posts a question to the thread. */
    interface Asker {
        void ask(String question);
    }

    /** {@code stopping}: true once the service shuts down; the run then sees itself stopped. */
    RunTeam(String runId, ResearchStore store, Asker asker, java.util.function.BooleanSupplier stopping) {
        this.stopping = stopping;
        this.runId = runId;
        this.store = store;
        this.asker = asker;
        this.delivered = store.runFeedback(runId).size();
    }

    @Override
    public synchronized List<String> feedbackSince(int step) {
        List<Feedback> all = store.runFeedback(runId);
        List<String> fresh = all.subList(Math.min(delivered, all.size()), all.size()).stream()
                .map(f -> f.author() + ": " + f.text()).toList();
        delivered = all.size();
        return fresh;
    }

    @Override
    public String answer(String question) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending.set(answer);
        asker.ask(question);
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no answer: the run is stopping)";
        } catch (ExecutionException e) {
            return "(no answer: " + e.getCause().getMessage() + ")";
        } finally {
            pending.compareAndSet(answer, null);
        }
    }

    @Override
    public boolean approve(String description) {
        String reply = answer("May I go ahead? " + description + "\nReply *yes* to approve or *no* to decline.");
        String word = withoutAuthor(reply).toLowerCase(Locale.ROOT);
        return word.startsWith("yes") || word.startsWith("ok") || word.startsWith("approve") || word.equals("y");
    }

    /** A reply as the team typed it, without the "author: " the thread adds in front. */
    static String withoutAuthor(String reply) {
        return reply.strip().replaceFirst("^[^:\n]{1,80}: ", "").strip();
    }

    @Override
    public RunControl control() {
        return stopping.getAsBoolean() ? RunControl.STOPPED : control.get();
    }

    boolean waiting() {
        return pending.get() != null;
    }

    /** Answers the pending question; false when none is pending. */
    boolean reply(String text) {
        CompletableFuture<String> answer = pending.getAndSet(null);
        if (answer == null) {
            return false;
        }
        feedbackSince(0);
        answer.complete(text);
        return true;
    }

    void set(RunControl next) {
        control.set(next);
        if (next == RunControl.STOPPED) {
            CompletableFuture<String> answer = pending.getAndSet(null);
            if (answer != null) {
                answer.complete("(no answer: the run was stopped)");
            }
        }
    }
}
