package org.mlrcopilot.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.idea.Review;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.research.HypothesisState;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.StoredBrief;
import org.mlrcopilot.agents.research.StoredHypothesis;
import org.mlrcopilot.agents.research.VoteCount;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.OutboundMessage.Button;
import org.mlrcopilot.bot.chat.OutboundMessage.Field;

/** How research events look in a thread, the same on every platform. */
final class Messages {

    static final String LEGEND = "React :+1: / :-1: to vote, :rocket: to approve a run (approvers), "
            + ":repeat: for new hypotheses; reply in the thread to give feedback (name H1, H2… to aim it).";

    private Messages() {}

    static OutboundMessage status(Research r, String runLine) {
        return status(r, runLine, "");
    }

    /** {@code requester}: how to mention the person who asked, named when the research failed. */
    static OutboundMessage status(Research r, String runLine, String requester) {
        String icon = switch (r.status()) {
            case QUEUED -> "⏳";
            case READING, GENERATING -> "🔎";
            case READY -> "💡";
            case RUNNING -> "🧪";
            case DONE -> "✅";
            case FAILED -> "⚠️";
            case STOPPED -> "⏹";
        };
        String title = safe(r.title().isBlank() ? source(r.link()) : r.title());
        String who = r.status() == org.mlrcopilot.agents.research.ResearchStatus.FAILED && !requester.isBlank()
                ? requester + " "
                : "";
        String text = icon + " " + who + "*" + r.status().name().toLowerCase(Locale.ROOT) + "*: "
                + safe(r.detail()).replace("\nNext: ", "\n*Next:* ")
                + (runLine.isBlank() ? "" : "\n" + runLine) + "\n_" + title + "_ · research " + r.id();
        return new OutboundMessage("", text, List.of(), List.of(), List.of(), color(r));
    }

    static OutboundMessage brief(StoredBrief b) {
        StringBuilder text = new StringBuilder();
        text.append(clip(safe(b.abstractText()), 600)).append("\n");
        if (b.elements() != null) {
            text.append("\n*Research tasks:* ")
                    .append(safe(String.join("; ", b.elements().tasks())));
            text.append("\n*Gaps:* ").append(safe(String.join("; ", b.elements().gaps())));
            text.append("\n*Keywords:* ")
                    .append(safe(String.join(", ", b.elements().keywords())));
        }
        text.append("\n\n*Related work:*");
        List<RelatedPaper> related = b.relatedWork().papers();
        related.stream()
                .limit(5)
                .forEach(p -> text.append("\n• ")
                        .append(
                                safeUrl(p.url()).isEmpty()
                                        ? safe(p.title())
                                        : "<" + p.url() + "|" + safe(p.title()).replace('|', '/') + ">")
                        .append(p.year() == null ? "" : " (" + p.year() + ")"));
        if (related.isEmpty()) {
            text.append(" none found (")
                    .append(b.relatedWork().sources().stream()
                            .map(s -> s.source() + ": " + s.detail())
                            .collect(Collectors.joining("; ")))
                    .append(")");
        }
        text.append("\n\n").append(LEGEND);
        return new OutboundMessage(
                "Brief: " + safe(b.title()), text.toString(), List.of(), List.of(), List.of(), "#4a6fa5");
    }

    /** A research's source as people know it: the link, or the name of the PDF they posted. */
    static String source(String link) {
        return link.startsWith("upload:") && link.indexOf('/') > 0 ? link.substring(link.indexOf('/') + 1) : link;
    }

    static OutboundMessage hypothesis(StoredHypothesis stored, VoteCount votes) {
        return hypothesis(stored, votes, "");
    }

    /** {@code previous}: the permalink of the version this one revises (empty: none, or not known). */
    static OutboundMessage hypothesis(StoredHypothesis stored, VoteCount votes, String previous) {
        Hypothesis h = stored.hypothesis();
        StringBuilder text = new StringBuilder(safe(h.method()));
        text.append("\n*Expected:* ").append(safe(h.expectedOutcome()));
        text.append("\n*Plan:* ").append(safe(h.plan().objective()));
        text.append("\n*Metrics:* ").append(safe(String.join(", ", h.plan().metrics())));
        text.append("\n*Datasets:* ")
                .append(safe(h.plan().datasets().stream().map(d -> d.name()).collect(Collectors.joining(", "))));
        if (h.version() > 1) {
            String from = "v" + (h.version() - 1);
            text.append("\n*Changed in v")
                    .append(h.version())
                    .append(" from ")
                    .append(previous.isBlank() ? from : "<" + previous + "|" + from + ">")
                    .append(":* ")
                    .append(safe(h.changeSummary()));
        }
        if (h.review() == null && stored.state() == HypothesisState.PROPOSED) {
            text.append("\n_not reviewed yet: press Review again for its scores and rank_");
        }
        text.append("\n")
                .append(stateLine(stored.state(), h.version()))
                .append("  👍 ")
                .append(votes.up())
                .append("  👎 ")
                .append(votes.down())
                .append(" on v")
                .append(h.version());
        return new OutboundMessage(
                h.id() + " v" + h.version() + ": " + safe(h.title()),
                text.toString(),
                fields(h.review()),
                buttons(stored),
                List.of(),
                switch (stored.state()) {
                    case DISCARDED, SUPERSEDED -> "#999999";
                    case APPROVED -> "#2e7d32";
                    default -> "#f9a825";
                });
    }

    /**
     * The run's own message: how it started, its run page, and the controls that apply now (Pause or Resume, and
     * Stop, while it runs; none once it has ended, which the message then says).
     */
    /**
     * A run's own message: how it started ({@code resumedAfter} the step it resumed after following a restart, or
     * null), its page, and the controls its state allows.
     */
    static OutboundMessage run(ResearchRun run, Integer resumedAfter) {
        String text = resumedAfter != null
                ? "Resuming " + run.id() + " after step " + resumedAfter
                : "Started " + run.id() + " on task " + run.task() + " (up to " + run.maxSteps() + " steps)";
        List<Button> controls = run.status().finished()
                ? List.of()
                : List.of(
                        run.status() == org.mlrcopilot.agents.research.RunStatus.PAUSED
                                ? new Button("resume", "Resume", run.id(), "")
                                : new Button("pause", "Pause", run.id(), ""),
                        new Button("stop", "Stop", run.id(), "danger"));
        String ended = run.status().finished()
                ? "\n_Ended: " + run.status().name().toLowerCase(java.util.Locale.ROOT) + "_"
                : run.status() == org.mlrcopilot.agents.research.RunStatus.PAUSED ? "\n_Paused_" : "";
        return new OutboundMessage(
                "",
                text + "\nRun page: /run.html?id=" + run.id() + ended,
                List.of(new Field("Run", run.id())),
                controls,
                List.of(),
                "#4a6fa5");
    }

    private static String stateLine(HypothesisState state, int version) {
        return switch (state) {
            case SUPERSEDED -> "_superseded by v" + (version + 1) + " (further down the thread); its votes stay here_";
            case PROPOSED -> "_proposed_";
            case REFINING -> "_refining from your feedback…_";
            case DISCARDED -> "_discarded_";
            case APPROVED -> "_approved: experiment run queued or running_";
        };
    }

    private static List<Field> fields(Review r) {
        if (r == null) {
            return List.of();
        }
        List<Field> out = new ArrayList<>();
        out.add(new Field("Rank", String.valueOf(r.rank())));
        out.add(new Field("Clarity", r.clarity().score() + "/5"));
        out.add(new Field("Validity", r.validity().score() + "/5"));
        out.add(new Field("Rigor", r.rigor().score() + "/5"));
        out.add(new Field("Innovativeness", r.innovativeness().score() + "/5"));
        out.add(new Field("Generalizability", r.generalizability().score() + "/5"));
        out.add(new Field("Nearest prior work", safe(r.nearestPriorWork())));
        return out;
    }

    private static List<Button> buttons(StoredHypothesis h) {
        if (h.state() != HypothesisState.PROPOSED) {
            return List.of();
        }
        List<Button> buttons = new ArrayList<>(List.of(
                new Button("run", "Run experiment", h.id(), "primary"),
                new Button("refine", "Refine", h.id(), ""),
                new Button("discard", "Discard", h.id(), "danger")));
        if (h.hypothesis().review() == null) {
            buttons.add(new Button("review", "Review again", h.id(), ""));
        }
        return buttons;
    }

    private static String color(Research r) {
        return switch (r.status()) {
            case DONE -> "#2e7d32";
            case FAILED -> "#c62828";
            case STOPPED -> "#999999";
            default -> "#4a6fa5";
        };
    }

    /**
     * Text a paper, a model or a person wrote, shown as text: none of it becomes chat markup, so a crafted title
     * cannot ping the channel ({@code <!channel>}, {@code @everyone}) or show a masked link ({@code <url|Approve>},
     * {@code [Approve](url)}) on any platform.
     */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        return text.replace('<', '‹')
                .replace('>', '›')
                .replace("](", "]\u200B(")
                .replaceAll("(?i)@(everyone|here|channel)\\b", "@\u200B$1");
    }

    /** An http(s) link fit to put inside the chat's link markup, else empty. */
    static String safeUrl(String url) {
        return url != null && url.matches("https?://[^\\s<>|]+") ? url : "";
    }

    static String clip(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
