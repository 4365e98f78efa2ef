package org.mlrcopilot.agents.idea;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.Section;

/** Plain-text renderings of papers, related work, hypotheses and feedback for prompts. */
final class Render {

    private static final Pattern BACK_MATTER =
            Pattern.compile("(?i)^[\\dA-Z]{0,3}[.:]?\\s*(references|bibliography|acknowledge?ments?)$");

    private Render() {}

    /** The abstract and the sections in order, references left out, cut to {@code maxChars}. */
    static String paperText(Paper paper, int maxChars) {
        List<String> parts = new ArrayList<>();
        parts.add("Abstract\n" + paper.abstractText());
        for (Section section : paper.sections()) {
            if (!BACK_MATTER.matcher(section.heading()).matches()) {
                parts.add(("#".repeat(Math.min(section.level(), 3) + 1) + " " + section.heading() + "\n"
                                + section.text())
                        .strip());
            }
        }
        String text = String.join("\n\n", parts);
        return text.length() <= maxChars
                ? text
                : Texts.clip(text, maxChars) + "\n[the rest of the paper is omitted for length]";
    }

    static String bullets(List<String> items) {
        return items.isEmpty() ? "(none)" : items.stream().map(i -> "- " + i).collect(Collectors.joining("\n"));
    }

    static String related(List<RelatedPaper> papers, int maxAbstractChars) {
        if (papers.isEmpty()) {
            return "(no related work was found)";
        }
        return IntStream.range(0, papers.size())
                .mapToObj(i -> {
                    RelatedPaper p = papers.get(i);
                    String year = p.year() == null ? "" : " (" + p.year() + ")";
                    String summary = p.abstractText().isEmpty()
                            ? "(no abstract available)"
                            : Texts.clip(p.abstractText(), maxAbstractChars);
                    return "[R" + (i + 1) + "] " + p.title() + year + "\n" + summary;
                })
                .collect(Collectors.joining("\n\n"));
    }

    static String hypotheses(List<Hypothesis> hypotheses) {
        return hypotheses.stream().map(Render::hypothesis).collect(Collectors.joining("\n\n"));
    }

    static String hypothesis(Hypothesis h) {
        ExperimentPlan p = h.plan();
        return "### " + h.id() + " (version " + h.version() + "): " + h.title()
                + "\nMethod: " + h.method() + "\nRationale: " + h.rationale()
                + "\nExpected outcome: " + h.expectedOutcome() + "\nRisks: " + String.join("; ", h.risks())
                + "\nExperiment plan:\n- Objective: " + p.objective()
                + "\n- Datasets: "
                + p.datasets().stream()
                        .map(d -> d.name() + " (" + d.source() + ")")
                        .collect(Collectors.joining("; "))
                + "\n- Baselines: " + String.join("; ", p.baselines()) + "\n- Models: " + String.join("; ", p.models())
                + "\n- Metrics: " + String.join("; ", p.metrics()) + "\n- Procedure:\n" + numbered(p.procedure())
                + "\n- Compute: " + hours(p.compute().cpuHours()) + " CPU hours, "
                + hours(p.compute().gpuHours())
                + " GPU hours\n- Success criterion: " + p.successCriterion();
    }

    static String review(Review r) {
        if (r == null) {
            return "(not reviewed yet)";
        }
        return "Clarity " + score(r.clarity()) + "\nValidity " + score(r.validity()) + "\nRigor " + score(r.rigor())
                + "\nInnovativeness " + score(r.innovativeness()) + "\nGeneralizability "
                + score(r.generalizability()) + "\nNearest prior work: " + r.nearestPriorWork()
                + "\nNovelty: " + r.noveltyAssessment();
    }

    static String comments(HumanFeedback feedback) {
        return feedback.comments().isEmpty()
                ? "(no comments, only votes)"
                : IntStream.range(0, feedback.comments().size())
                        .mapToObj(
                                i -> "[C" + (i + 1) + "] " + feedback.comments().get(i))
                        .collect(Collectors.joining("\n"));
    }

    static String votes(HumanFeedback feedback) {
        int net = feedback.upVotes() - feedback.downVotes();
        return feedback.upVotes() + " up-vote(s), " + feedback.downVotes() + " down-vote(s), net "
                + (net > 0 ? "+" : "") + net;
    }

    private static String numbered(List<String> steps) {
        return IntStream.range(0, steps.size())
                .mapToObj(i -> "  " + (i + 1) + ". " + steps.get(i))
                .collect(Collectors.joining("\n"));
    }

    private static String score(ReviewScore s) {
        return s.score() + "/5: " + s.reason();
    }

    private static String hours(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
