package org.mlrcopilot.bot.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.idea.IdeaBrief;
import org.mlrcopilot.agents.idea.Review;
import org.mlrcopilot.agents.idea.ReviewScore;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.usage.UsageTotals;
import org.mlrcopilot.bot.llm.LlmModels;

/** The idea stage's outcome for people (text) and programs (JSON). */
final class IdeasReport {

    private IdeasReport() {}

    static String text(IdeaBrief brief, UsageTotals usage, LlmModels models) {
        StringBuilder out =
                new StringBuilder("Brief: ").append(brief.paper().title()).append("\n\n");
        out.append("Research tasks:\n").append(bullets(brief.elements().tasks()));
        out.append("Research gaps:\n").append(bullets(brief.elements().gaps()));
        out.append("Keywords: ")
                .append(String.join(", ", brief.elements().keywords()))
                .append("\n\n");
        out.append("Related work:\n");
        for (RelatedPaper r : brief.relatedWork().papers()) {
            out.append(String.format("  %.2f  %s (%s)%n", r.score(), r.title(), r.year()));
        }
        for (Hypothesis h : brief.hypotheses()) {
            out.append('\n').append(hypothesis(h));
        }
        out.append(String.format(
                "%nUsage: %d calls, %,d input tokens (%,d cached), %,d output tokens, $%.4f (%s: %s / %s)%n",
                usage.calls(),
                usage.inputTokens(),
                usage.cachedTokens(),
                usage.outputTokens(),
                usage.costUsd(),
                models.provider(),
                models.mainModel(),
                models.fastModel()));
        return out.toString();
    }

    private static String hypothesis(Hypothesis h) {
        StringBuilder out = new StringBuilder(h.id() + ". " + h.title() + "\n");
        out.append("   method: ").append(h.method()).append('\n');
        out.append("   rationale: ").append(h.rationale()).append('\n');
        out.append("   plan: ").append(h.plan().objective()).append('\n');
        h.plan().procedure().forEach(step -> out.append("     - ").append(step).append('\n'));
        out.append("   success: ").append(h.plan().successCriterion()).append('\n');
        Review r = h.review();
        if (r != null) {
            out.append(String.format(
                    "   review (rank %d, overall %.1f): clarity %s, validity %s, rigor %s, "
                            + "innovativeness %s, generalizability %s%n",
                    r.rank(),
                    r.overall(),
                    s(r.clarity()),
                    s(r.validity()),
                    s(r.rigor()),
                    s(r.innovativeness()),
                    s(r.generalizability())));
            out.append("   nearest prior work: ").append(r.nearestPriorWork()).append('\n');
        }
        return out.toString();
    }

    private static String s(ReviewScore score) {
        return score.score() + "/5";
    }

    private static String bullets(java.util.List<String> items) {
        StringBuilder out = new StringBuilder();
        items.forEach(i -> out.append("  - ").append(i).append('\n'));
        return out.append('\n').toString();
    }

    static Map<String, Object> json(IdeaBrief brief, UsageTotals usage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "paper",
                Map.of("title", brief.paper().title(), "url", brief.paper().url()));
        json.put("elements", brief.elements());
        json.put("relatedWork", brief.relatedWork().papers());
        json.put("relatedWorkSources", brief.relatedWork().sources());
        json.put("hypotheses", brief.hypotheses());
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("calls", usage.calls());
        u.put("inputTokens", usage.inputTokens());
        u.put("outputTokens", usage.outputTokens());
        u.put("cachedTokens", usage.cachedTokens());
        u.put("costUsd", usage.costUsd());
        json.put("usage", u);
        return json;
    }
}
