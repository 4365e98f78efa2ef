package org.mlrcopilot.agents.research;

import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.experiment.tree.Node;
import org.mlrcopilot.agents.setup.SetupReport;

/**
 * What happened in a research, in domain terms, for whoever shows it to the team. Calls come from the service's
 * worker threads, in order per research; implementations must not block for long.
 */
public interface ResearchEvents {

    /** The research's status or its detail line changed. */
    void status(Research research);

    /** The paper was read: its elements (null without a language model) and related work. */
    void brief(Research research, StoredBrief brief);

    /** A hypothesis was proposed, revised, discarded or approved, or its votes changed. */
    void hypothesis(Research research, StoredHypothesis hypothesis, VoteCount votes);

    /** A hypothesis was approved by {@code approvedBy}: its run is queued until a worker takes it. */
    void runQueued(Research research, ResearchRun run, String approvedBy);

    /**
     * The run started on its task ({@link ResearchRun#task()}, up to {@link ResearchRun#maxSteps()} steps), or, when
     * {@code resumed}, goes on after its last completed step ({@link ResearchRun#step()}) following a restart.
     */
    void runStarted(Research research, ResearchRun run, boolean resumed);

    /**
     * The experiment was set up: its data, code, metric, evaluation and baseline; {@code awaitingApproval} when the
     * loop waits for the team's go-ahead (a reply revises the set-up).
     */
    void setup(Research research, ResearchRun run, SetupReport report, boolean awaitingApproval);

    /** The starter code's score on the task's metric, before the agent changes anything. */
    void baselineMeasured(Research research, ResearchRun run, String metric, double value);

    /** {@code by} paused, resumed or asked to stop the run; it takes effect after the current step. */
    void runControlled(Research research, ResearchRun run, RunControl control, String by);

    /** A step of a run was completed. */
    void step(Research research, ResearchRun run, StepRecord step);

    /** The run waits for the sandbox before an execution, e.g. queued on a cluster; said in the status. */
    default void waiting(Research research, ResearchRun run, String status) {}

    /**
     * A tree search's {@code node} scored better on the validation rows than every node before it ({@code baseline}:
     * the starter code's score there).
     */
    default void bestImproved(Research research, ResearchRun run, Node node, String metric, double baseline) {}

    /** The agent asks the team; the next reply in the thread answers it. */
    void question(Research research, ResearchRun run, String question);

    /**
     * The run asks an approver before it goes on: only an approver's reply or press of Approve / Decline answers
     * it ({@link ResearchService#reply}). Shown as a question where no buttons can be offered.
     */
    default void approvalQuestion(Research research, ResearchRun run, String question) {
        question(research, run, question);
    }

    /** A run ended: results with metric, baseline, plots, diff, trace and cost. */
    void finished(Research research, ResearchRun run, RunReport report);

    /** Something went wrong or cannot be done; short, with the cause and the next step. */
    void problem(Research research, String cause, String nextStep);
}
