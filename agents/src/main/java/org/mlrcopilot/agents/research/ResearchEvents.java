package org.mlrcopilot.agents.research;

import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.setup.SetupReport;
import org.mlrcopilot.agents.setup.SetupText;

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

    /** Something worth its own message: baseline measured, an execution's summary, a run started or paused. */
    void milestone(Research research, ResearchRun run, String text);

    /**
     * The experiment was set up: its data, code, metric, evaluation and baseline; {@code awaitingApproval} when the
     * loop waits for the team's go-ahead (a reply revises the set-up).
     */
    default void setup(Research research, ResearchRun run, SetupReport report, boolean awaitingApproval) {
        milestone(research, run, SetupText.of(report, awaitingApproval));
    }

    /** A step of a run was completed. */
    void step(Research research, ResearchRun run, StepRecord step);

    /** The run waits for the sandbox before an execution, e.g. queued on a cluster; said in the status. */
    default void waiting(Research research, ResearchRun run, String status) {
    }

    /** The agent asks the team; the next reply in the thread answers it. */
    void question(Research research, ResearchRun run, String question);

    /** A run ended: results with metric, baseline, plots, diff, trace and cost. */
    void finished(Research research, ResearchRun run, RunReport report);

    /** Something went wrong or cannot be done; short, with the cause and the next step. */
    void problem(Research research, String cause, String nextStep);
}
