package org.mlrcopilot.agents.experiment;

import java.util.List;
import java.util.Objects;

/**
 * One completed action.
 *
 * @param step         1-based step number
 * @param action       the tool called ("none" when the model called none)
 * @param input        the tool's arguments as JSON, without the research log
 * @param observation  what the action returned
 * @param feedback     the team's feedback shown in this step's prompt
 * @param promptChars  characters of the step's main prompt (system and user message)
 * @param inputTokens  input tokens of all model calls of the step
 * @param outputTokens output tokens of all model calls of the step
 * @param durationMs   wall time of the step
 */
public record StepRecord(
        int step,
        String action,
        String input,
        String observation,
        List<String> feedback,
        int promptChars,
        long inputTokens,
        long outputTokens,
        long durationMs) {

    public StepRecord {
        if (step < 1) {
            throw new IllegalArgumentException("step must be at least 1: " + step);
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("action is blank");
        }
        input = Objects.requireNonNullElse(input, "");
        observation = Objects.requireNonNullElse(observation, "");
        feedback = List.copyOf(Objects.requireNonNullElse(feedback, List.of()));
        if (promptChars < 0 || inputTokens < 0 || outputTokens < 0 || durationMs < 0) {
            throw new IllegalArgumentException("negative count in step " + step);
        }
    }
}
