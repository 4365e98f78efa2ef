package org.mlrcopilot.agents.experiment.tree;

/**
 * The knobs of a tree search.
 *
 * @param drafts           solutions drafted from the plan before any is improved
 * @param workers          nodes written and executed at the same time
 * @param maxNodes         most nodes in one run (drafts, improvements and fixes together)
 * @param debugDepth       most fixes in a row of a failing solution; 0 never debugs
 * @param debugProbability chance that a step fixes a failed node (when one can be fixed) rather than improving one
 * @param sampled          improve a node drawn at random (better ones more likely) instead of the best one
 * @param seed             seed of the random choices
 * @param seeds            runs of the best solution, each with its own {@code MLR_SEED}, whose test scores are
 *                         averaged for the reported number (1: the single run that was scored)
 */
public record TreeSettings(
        int drafts,
        int workers,
        int maxNodes,
        int debugDepth,
        double debugProbability,
        boolean sampled,
        long seed,
        int seeds) {

    public TreeSettings {
        if (drafts < 1) {
            throw new IllegalArgumentException("drafts must be at least 1: " + drafts);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (maxNodes < 1) {
            throw new IllegalArgumentException("maxNodes must be at least 1: " + maxNodes);
        }
        if (debugDepth < 0) {
            throw new IllegalArgumentException("debugDepth must not be negative: " + debugDepth);
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1: " + seeds);
        }
        if (!(debugProbability >= 0 && debugProbability <= 1)) {
            throw new IllegalArgumentException("debugProbability must be between 0 and 1: " + debugProbability);
        }
    }

    /** 3 drafts, 1 worker, 12 nodes, fixes 3 deep with probability 0.5, greedy, one seed. */
    public static TreeSettings defaults() {
        return new TreeSettings(3, 1, 12, 3, 0.5, false, 1, 1);
    }

    public TreeSettings withDrafts(int value) {
        return new TreeSettings(value, workers, maxNodes, debugDepth, debugProbability, sampled, seed, seeds);
    }

    public TreeSettings withWorkers(int value) {
        return new TreeSettings(drafts, value, maxNodes, debugDepth, debugProbability, sampled, seed, seeds);
    }

    public TreeSettings withMaxNodes(int value) {
        return new TreeSettings(drafts, workers, value, debugDepth, debugProbability, sampled, seed, seeds);
    }

    public TreeSettings withDebug(int depth, double probability) {
        return new TreeSettings(drafts, workers, maxNodes, depth, probability, sampled, seed, seeds);
    }

    public TreeSettings withSampled(boolean value) {
        return new TreeSettings(drafts, workers, maxNodes, debugDepth, debugProbability, value, seed, seeds);
    }

    public TreeSettings withSeed(long value) {
        return new TreeSettings(drafts, workers, maxNodes, debugDepth, debugProbability, sampled, value, seeds);
    }

    public TreeSettings withSeeds(int value) {
        return new TreeSettings(drafts, workers, maxNodes, debugDepth, debugProbability, sampled, seed, value);
    }
}
