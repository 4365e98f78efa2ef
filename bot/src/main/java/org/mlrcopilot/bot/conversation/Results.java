package org.mlrcopilot.bot.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.experiment.tree.Node;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.RunReport;
import org.mlrcopilot.agents.setup.SetupReport;
import org.mlrcopilot.agents.setup.SetupText;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.OutboundMessage.Attachment;
import org.mlrcopilot.bot.chat.OutboundMessage.Field;

/** The results message of a run, and the short summary of one execution. */
final class Results {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Results() {}

    /** {@code hypothesisLink}: a permalink to the hypothesis message that was run, "" when the platform has none. */
    static OutboundMessage of(RunReport report, String mention, String hypothesisLink) {
        ResearchRun run = report.run();
        ExperimentResult r = run.result();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Run", run.id()));
        fields.add(new Field("Task", run.task()));
        fields.add(new Field("Metric", r.metric()));
        fields.add(new Field("Baseline", number(r.baseline())));
        fields.add(new Field("Final", r.finalScore() == null ? "not scored" : number(r.finalScore())));
        fields.add(new Field(
                "Improvement",
                r.improvementPct() == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", r.improvementPct())));
        fields.add(new Field("Success (>10%)", r.success() == null ? "-" : r.success() ? "yes" : "no"));
        boolean tree = !report.tree().isBlank();
        fields.add(new Field(
                tree ? "Nodes" : "Steps",
                r.steps() + " (stopped: " + r.stopReason().text() + ")"));
        fields.add(new Field(
                "Cost of this run",
                String.format(
                        Locale.ROOT,
                        "$%.4f, %,d tokens in %d calls",
                        report.usage().costUsd(),
                        report.usage().tokens(),
                        report.usage().calls())));
        fields.add(new Field(
                "Research so far",
                String.format(
                        Locale.ROOT,
                        "$%.4f, %,d tokens in %d calls",
                        report.researchUsage().costUsd(),
                        report.researchUsage().tokens(),
                        report.researchUsage().calls())));
        StringBuilder text = new StringBuilder(mention)
                .append(" results of ")
                .append(
                        hypothesisLink.isBlank()
                                ? run.hypothesisId()
                                : "<" + hypothesisLink + "|" + run.hypothesisId() + ">")
                .append(" (approved by ")
                .append(run.approver())
                .append(")");
        if (!r.finalAnswer().isBlank()) {
            text.append("\n*Agent's answer:* ").append(Messages.clip(Messages.safe(r.finalAnswer()), 1500));
        }
        if (tree) {
            text.append("\n*Solution tree* (★ the winning node, ◆ its path):\n```")
                    .append(Messages.clip(report.tree(), 2500))
                    .append("```");
        }
        r.flaggedClaims()
                .forEach(c ->
                        text.append("\n⚠️ no execution printed the number in: ").append(Messages.safe(c)));
        text.append("\nRun page with the step trace and logs: /run.html?id=").append(run.id());
        return new OutboundMessage(
                "Results: " + run.id(),
                text.toString(),
                fields,
                List.of(),
                attachments(report),
                Boolean.TRUE.equals(r.success()) ? "#2e7d32" : "#4a6fa5");
    }

    /** The milestone of a tree search's new best node. */
    static String newBest(Node node, String metric, double baseline) {
        String over = Double.isNaN(baseline)
                ? ""
                : String.format(Locale.ROOT, " (the starter code: %.4f on the same rows)", baseline);
        String plan = node.plan().strip().replaceAll("\\s+", " ");
        return String.format(
                Locale.ROOT,
                "New best: %s (%s%s) %s %.4f%s%s%s",
                node.id(),
                node.operator().label(),
                node.parent() == null ? "" : " of " + node.parent(),
                metric,
                node.score(),
                over,
                plan.isEmpty() ? "" : ": " + Messages.clip(Messages.safe(plan), 300),
                node.direction().isBlank()
                        ? ""
                        : "\nFollowing the team's direction: " + Messages.clip(Messages.safe(node.direction()), 300));
    }

    /** The set-up of a run: task and why, data, code, metric, the frozen eval.py, the baseline. */
    static OutboundMessage setup(SetupReport report, boolean awaitingApproval) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Task", report.registered() ? report.task().name() : "built from the plan"));
        fields.add(new Field(
                "Metric", report.metric() + " (" + report.direction().name().toLowerCase(Locale.ROOT) + " is better)"));
        fields.add(new Field(
                "Baseline", Double.isNaN(report.baseline()) ? "measured at the start" : number(report.baseline())));
        if (!report.registered()) {
            fields.add(new Field(
                    "Data",
                    report.datasets().stream()
                            .map(d -> d.id())
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("-")));
        }
        List<Attachment> files = report.registered()
                ? List.of()
                : List.of(
                        new Attachment("eval.py", "text/x-python", report.task().evalScript()));
        return new OutboundMessage(
                "Experiment set-up",
                Messages.clip(Messages.safe(SetupText.of(report, awaitingApproval)), 3500),
                fields,
                List.of(),
                files,
                awaitingApproval ? "#f9a825" : "#4a6fa5");
    }

    private static List<Attachment> attachments(RunReport report) {
        List<Attachment> out = new ArrayList<>();
        for (Path plot : report.plots()) {
            String name = plot.getFileName().toString();
            out.add(new Attachment(
                    name,
                    name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".png") ? "image/png" : "image/jpeg",
                    plot));
        }
        ExperimentResult r = report.run().result();
        Path runDir = Path.of(report.run().runDir());
        if (!r.diff().isBlank()) {
            out.add(new Attachment("changes.diff", "text/x-diff", write(runDir.resolve("changes.diff"), r.diff())));
        }
        if (Files.isRegularFile(r.trace())) {
            out.add(new Attachment("trace.jsonl", "application/jsonl", r.trace()));
        }
        return out;
    }

    static String execution(StepRecord step) {
        String[] lines = step.observation().strip().split("\n");
        StringBuilder out = new StringBuilder("Step " + step.step() + " ran " + scriptOf(step.input()) + ":");
        int from = Math.max(0, lines.length - 6);
        for (int i = from; i < lines.length; i++) {
            out.append("\n").append(Messages.clip(lines[i], 200));
        }
        return "```" + Messages.clip(out.toString(), 1200) + "```";
    }

    private static String scriptOf(String input) {
        try {
            String name = JSON.readTree(input).path("script_name").asText("");
            return name.isBlank() ? "a script" : name;
        } catch (IOException e) {
            return "a script";
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static Path write(Path file, String content) {
        try {
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
