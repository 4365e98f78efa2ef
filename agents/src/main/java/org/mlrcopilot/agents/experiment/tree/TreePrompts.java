package org.mlrcopilot.agents.experiment.tree;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.agents.task.Direction;
import org.mlrcopilot.agents.task.TaskSpec;

/** The one request of each operator: the task, the plan, the starter code and the node to improve or fix. */
final class TreePrompts {

    static final int MAX_CODE_CHARS = 40_000;
    static final int MAX_OUTPUT_CHARS = 3_000;

    private final TaskSpec task;
    private final String plan;
    private final StarterCode starter;

    TreePrompts(TaskSpec task, String plan, StarterCode starter) {
        this.task = task;
        this.plan = plan;
        this.starter = starter;
    }

    ChatRequest request(Expansion e, double baseline, List<String> otherDrafts, String steer) {
        String user = switch (e.operator()) {
            case DRAFT -> draft(otherDrafts);
            case IMPROVE -> improve(e.parent(), baseline);
            case DEBUG -> debug(e.parent());
        };
        if (steer != null && !steer.isBlank()) {
            user += "\n\n# The team's direction (follow it in this answer)\n" + steer.strip();
        }
        return ChatRequest.builder()
                .messages(SystemMessage.from(system()), UserMessage.from(context() + user))
                .build();
    }

    private String system() {
        return "You are a machine-learning research engineer writing complete, runnable solutions to a task.\n"
                + "The harness writes your files into a copy of the starter workspace, runs `"
                + String.join(" ", task.runCommand()) + "` there (no network), then scores what it wrote with the "
                + "task's own hidden evaluation of " + task.metric() + " (" + direction() + " is better); numbers "
                + "your code prints are not the score. If the solution is random, seed it from the MLR_SEED "
                + "environment variable (0 when unset): the best solution may be run with several seeds.\n"
                + "Answer with one JSON object and nothing else:\n"
                + "{\"plan\": \"<what the solution does, in 1-3 sentences>\", "
                + "\"files\": {\"<workspace-relative path>\": \"<the whole file>\"}}\n"
                + "Write whole files, never diffs or excerpts; files you leave out keep their current contents."
                + (task.readOnlyGlobs().isEmpty()
                        ? ""
                        : " Never write files matching " + String.join(", ", task.readOnlyGlobs()) + ".");
    }

    private String context() {
        return "# Task\n" + task.researchProblem().strip() + "\n\n# Plan\n"
                + (plan == null || plan.isBlank() ? "(follow the task)" : plan.strip()) + "\n\n# Workspace files\n"
                + String.join("\n", starter.paths()) + "\n\n# Starter code\n" + code(starter.code()) + "\n";
    }

    private static String draft(List<String> otherDrafts) {
        String others = otherDrafts.isEmpty()
                ? ""
                : "\n# Other drafts (take a different approach)\n- " + String.join("\n- ", otherDrafts) + "\n";
        return others + "\n# Your job\nWrite a new solution that follows the plan and should beat the starter code.";
    }

    private String improve(Node node, double baseline) {
        return "\n# Current solution (" + task.metric() + " = " + node.score() + ", starter code: " + baseline + ", "
                + direction() + " is better)\n" + node.plan() + "\n\n" + code(node.files())
                + "\n# Its output (tail)\n" + tail(node.output())
                + "\n\n# Your job\nMake exactly one change that should improve the score; answer with the whole "
                + "changed files.";
    }

    private String debug(Node node) {
        return "\n# Failed solution\n" + node.plan() + "\n\n" + code(node.files()) + "\n# Error output (tail)\n"
                + tail(node.output()) + "\n\n# Your job\nFix what made it fail and keep its approach; answer with the "
                + "whole fixed files.";
    }

    private String direction() {
        return task.direction() == Direction.HIGHER ? "higher" : "lower";
    }

    static String code(Map<String, String> files) {
        if (files.isEmpty()) {
            return "(no files changed from the starter code)\n";
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> f : files.entrySet()) {
            out.append("## ")
                    .append(f.getKey())
                    .append("\n```\n")
                    .append(f.getValue().stripTrailing())
                    .append("\n```\n");
            if (out.length() > MAX_CODE_CHARS) {
                return out.substring(0, MAX_CODE_CHARS) + "\n[... code shortened ...]\n";
            }
        }
        return out.toString();
    }

    static String clip(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max) + " [...]";
    }

    static String tail(String text) {
        String t = text == null ? "" : text;
        return t.length() <= MAX_OUTPUT_CHARS ? t : "[...]\n" + t.substring(t.length() - MAX_OUTPUT_CHARS);
    }
}
