package org.mlrcopilot.agents.research;

import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.experiment.RunCheckpoints;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.paper.PaperCache;
import org.mlrcopilot.agents.usage.UsageStore;

/** The durable state of researches: what survives a restart. Every write is committed when the call returns. */
public interface ResearchStore {

    void save(Research research);

    Optional<Research> research(String id);

    /** Newest first. */
    List<Research> recent(int limit);

    /** Researches whose idea stage was in progress ({@link ResearchStatus#inProgress()}), oldest first. */
    List<Research> unfinished();

    /**
     * Returns once everything written so far would survive a killed process (what an acknowledgement promises).
     * Stores that write through at once need not do anything.
     */
    default void sync() {
    }

    /** The hypotheses, in their latest versions, that are in {@code state} (all researches). */
    List<StoredHypothesis> hypothesesIn(HypothesisState state);

    void save(StoredBrief brief);

    Optional<StoredBrief> brief(String researchId);

    /** Adds a version, or updates the state of a version already stored. */
    void save(StoredHypothesis hypothesis);

    /** The latest version of each hypothesis of the research, by position. */
    List<StoredHypothesis> hypotheses(String researchId);

    /** Every version of one hypothesis, oldest first. */
    List<StoredHypothesis> versions(String researchId, String hypothesisId);

    void add(Feedback feedback);

    /** Feedback on one hypothesis, oldest first. */
    List<Feedback> feedback(String researchId, String hypothesisId);

    /** Feedback given to a run, oldest first. */
    List<Feedback> runFeedback(String runId);

    void vote(Vote vote);

    /** The votes cast on one version of a hypothesis. */
    VoteCount votes(String researchId, String hypothesisId, int version);

    /** The votes cast on the version of {@code h}. */
    default VoteCount votes(StoredHypothesis h) {
        return votes(h.researchId(), h.id(), h.hypothesis().version());
    }

    void save(ResearchRun run);

    Optional<ResearchRun> run(String runId);

    /** Runs of a research, oldest first. */
    List<ResearchRun> runs(String researchId);

    /** Runs not finished ({@link RunStatus#finished()} false), oldest first. */
    List<ResearchRun> activeRuns();

    /** Records a completed step; the same step number again replaces it. */
    void add(String runId, StepRecord step);

    /** Steps of a run, in order. */
    List<StepRecord> steps(String runId);

    PaperCache papers();

    UsageStore usage();

    RunCheckpoints checkpoints();
}
