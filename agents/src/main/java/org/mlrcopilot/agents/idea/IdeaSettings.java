package org.mlrcopilot.agents.idea;

/**
 * How much the idea stage produces and how much of the paper and related work it shows the models.
 *
 * @param hypotheses       hypotheses generated per paper (1..10)
 * @param relatedInPrompt  related papers shown to the models, best first (0..50)
 * @param maxPaperChars    characters of paper text given to the research-elements step
 * @param maxAbstractChars characters of each related paper's abstract given to later steps
 */
public record IdeaSettings(int hypotheses, int relatedInPrompt, int maxPaperChars, int maxAbstractChars) {

    public IdeaSettings {
        if (hypotheses < 1 || hypotheses > 10) {
            throw new IllegalArgumentException("hypotheses must be within 1..10: " + hypotheses);
        }
        if (relatedInPrompt < 0 || relatedInPrompt > 50) {
            throw new IllegalArgumentException("relatedInPrompt must be within 0..50: " + relatedInPrompt);
        }
        if (maxPaperChars < 1_000 || maxAbstractChars < 50) {
            throw new IllegalArgumentException("maxPaperChars >= 1000 and maxAbstractChars >= 50 needed");
        }
    }

    public static IdeaSettings defaults() {
        return new IdeaSettings(3, 5, 20_000, 600);
    }
}
