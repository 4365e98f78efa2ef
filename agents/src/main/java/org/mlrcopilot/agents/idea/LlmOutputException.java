package org.mlrcopilot.agents.idea;

/** A model's answer stayed malformed after one repair attempt. */
public class LlmOutputException extends RuntimeException {

    private final String step;
    private final String problem;

    public LlmOutputException(String step, String problem) {
        super("the model's answer for " + step + " was not valid JSON after one repair attempt: " + problem);
        this.step = step;
        this.problem = problem;
    }

    /** The step whose answer was malformed, e.g. "hypotheses". */
    public String step() {
        return step;
    }

    /** What was still wrong with the repaired answer. */
    public String problem() {
        return problem;
    }
}
