package org.mlrcopilot.agents.research;

import java.util.List;
import java.util.Optional;

/**
 * The durable state of researches: the research, the brief of its paper, its hypotheses in every version, the team's
 * feedback and votes. Runs are in the {@link RunStore}. Every write is committed when the call returns.
 */
public interface ResearchStore {

    /**
     * Why a write would not be durable now (a full disk, a closed database), found by making one; empty when writes
     * succeed. For when something failed and while waiting for the store to come back, not before every write.
     */
    Optional<String> writeProblem();

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
    default void sync() {}

    /** The hypotheses, in their latest versions, that are in {@code state} (all researches). */
    List<StoredHypothesis> hypothesesIn(HypothesisState state);

    void save(StoredBrief brief);

    Optional<StoredBrief> brief(String researchId);

    /** Adds a version, or updates the state of a version already stored. */
    void save(StoredHypothesis hypothesis);

    /**
     * Saves several as one write, all or none (the hypotheses of one draft; a new version with the one it
     * supersedes), so that a failure or a crash never leaves part of them: recovery sees the stage done or not.
     */
    void save(List<StoredHypothesis> hypotheses);

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
}
