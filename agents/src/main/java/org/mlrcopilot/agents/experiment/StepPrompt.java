package org.mlrcopilot.agents.experiment;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;
import java.util.Map;

/** The one main-model request of a step: system prompt, research log, the last K steps and the team's feedback. */
final class StepPrompt {

    private final ExperimentLimits limits;

    StepPrompt(ExperimentLimits limits) {
        this.limits = limits;
    }

    ChatRequest request(Run run, int step, List<String> feedback) {
        return ChatRequest.builder()
                .messages(SystemMessage.from(system(run)), UserMessage.from(user(run, step, feedback)))
                .toolSpecifications(ToolCatalog.specifications())
                .build();
    }

    static int chars(ChatRequest request) {
        return request.messages().stream()
                .mapToInt(message -> message instanceof SystemMessage s
                        ? s.text().length()
                        : message instanceof UserMessage u ? u.singleText().length() : 0)
                .sum();
    }

    private String system(Run run) {
        return Prompts.render(
                "system",
                Map.of(
                        "problem",
                        run.task.researchProblem().strip(),
                        "plan",
                        Text.orNone(run.plan),
                        "keep",
                        String.valueOf(limits.keepSteps()),
                        "maxSteps",
                        String.valueOf(limits.maxSteps()),
                        "tools",
                        ToolCatalog.overview()));
    }

    private String user(Run run, int step, List<String> feedback) {
        return Prompts.render(
                "user",
                Map.of(
                        "step",
                        String.valueOf(step),
                        "maxSteps",
                        String.valueOf(limits.maxSteps()),
                        "summary",
                        Text.orNone(run.summary),
                        "recent",
                        recent(run),
                        "feedback",
                        feedback(feedback)));
    }

    String recent(Run run) {
        StringBuilder out = new StringBuilder();
        for (StepRecord record : run.recent(limits.keepSteps())) {
            out.append("[Step ")
                    .append(record.step())
                    .append("] Action: ")
                    .append(record.action())
                    .append('\n')
                    .append("Input: ")
                    .append(Text.clip(record.input(), limits.maxObservationChars()))
                    .append('\n')
                    .append("Observation:\n")
                    .append(Text.clip(record.observation(), limits.maxObservationChars()))
                    .append("\n\n");
        }
        return Text.orNone(out.toString());
    }

    private static String feedback(List<String> feedback) {
        if (feedback.isEmpty()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        feedback.forEach(line -> out.append("- ").append(line.strip()).append('\n'));
        return out.toString().strip();
    }
}
