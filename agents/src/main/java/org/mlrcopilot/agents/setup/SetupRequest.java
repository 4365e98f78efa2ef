package org.mlrcopilot.agents.setup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.task.TaskSpec;

/**
 * What to set an experiment up from.
 *
 * @param hypothesis  the approved hypothesis and its plan
 * @param planText    the same as the text the agents read
 * @param codeLinks   links to code found in the paper
 * @param attachments files the team posted, by name
 * @param registered  the registered tasks
 * @param runDir      the run's directory; the set-up works under it and the built task lands in {@code task/}
 * @param feedback    the team's wishes for the set-up, "" for none
 */
public record SetupRequest(
        Hypothesis hypothesis,
        String planText,
        List<String> codeLinks,
        Map<String, Path> attachments,
        List<TaskSpec> registered,
        Path runDir,
        String feedback) {

    public SetupRequest {
        Objects.requireNonNull(hypothesis, "hypothesis");
        planText = Objects.requireNonNullElse(planText, "");
        codeLinks = List.copyOf(codeLinks);
        attachments = Map.copyOf(attachments);
        registered = List.copyOf(registered);
        runDir = runDir.toAbsolutePath().normalize();
        feedback = Objects.requireNonNullElse(feedback, "").strip();
    }

    public SetupRequest withFeedback(String more) {
        String all = feedback.isEmpty() ? more : feedback + "\n" + more;
        return new SetupRequest(hypothesis, planText, codeLinks, attachments, registered, runDir, all);
    }

    public SetupRequest withAttachments(Map<String, Path> files) {
        return new SetupRequest(hypothesis, planText, codeLinks, files, registered, runDir, feedback);
    }

    /** The plan's primary metric: its first. */
    public String metric() {
        return hypothesis.plan().metrics().get(0);
    }
}
