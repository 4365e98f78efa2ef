package org.mlrcopilot.bot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.research.Approver;
import org.mlrcopilot.agents.research.HypothesisState;
import org.mlrcopilot.agents.research.ResearchRefusedException;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.ResearchService;
import org.mlrcopilot.agents.research.ResearchStore;
import org.mlrcopilot.agents.research.RunStore;
import org.mlrcopilot.agents.research.StoredHypothesis;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.Emoji;
import org.mlrcopilot.bot.chat.Inbound;

/** Thread replies, reactions and button presses on a research's messages. */
final class Replies {

    private static final Pattern HYPOTHESIS = Pattern.compile("\\bH([1-9][0-9]*)\\b");

    private final ResearchStore store;
    private final RunStore runs;
    private final ThreadLinks links;
    private final Outbox outbox;
    private final Authority authority;
    private final org.mlrcopilot.bot.auth.AuditLog audit;
    private final java.util.Map<String, ChatPlatform> platforms;

    Replies(
            ConversationStores stores,
            Outbox outbox,
            Authority authority,
            java.util.Map<String, ChatPlatform> platforms,
            org.mlrcopilot.bot.auth.AuditLog audit) {
        this.audit = audit;
        this.store = stores.researches();
        this.runs = stores.runs();
        this.links = stores.links();
        this.outbox = outbox;
        this.authority = authority;
        this.platforms = platforms;
    }

    /** Stops a run by command ({@code /mlr stop <run>}) when the actor may. */
    void stop(ResearchService service, String runId, String platform, String channel, String user, String userName) {
        ResearchRun run = runs.run(runId).orElseThrow(() -> new ResearchRefusedException("no run " + runId));
        control(service, run, RunControl.STOPPED, platform, channel, user, userName);
    }

    /** Approves when the {@link Authority} says the actor may; both outcomes are audited. */
    private ResearchRun approve(
            ResearchService service,
            String researchId,
            String hypothesisId,
            String platform,
            String channel,
            String user,
            String userName) {
        String what = hypothesisId + " of " + researchId;
        Approver may = authority.mayApprove(new Authority.Actor(platform, channel, user, userName));
        try {
            ResearchRun run = service.approve(researchId, hypothesisId, may);
            audit(may.name(), platform, "approve", what + " (" + run.id() + ")");
            return run;
        } catch (ResearchRefusedException e) {
            audit(may.name(), platform, "approval refused", what + ": " + e.getMessage());
            throw e;
        }
    }

    private void audit(String who, String platform, String action, String detail) {
        audit.record(
                new org.mlrcopilot.bot.auth.AuditLog.Entry(java.time.Instant.now(), who, platform, "", action, detail));
    }

    /** Stops, pauses or resumes a run when the actor may; audited. */
    private void control(
            ResearchService service,
            ResearchRun run,
            RunControl control,
            String platform,
            String channel,
            String user,
            String userName) {
        Authority.Decision may = authority.mayControl(
                new Authority.Actor(platform, channel, user, userName), run.requester(), run.approver());
        String action = switch (control) {
            case STOPPED -> "stop";
            case PAUSED -> "pause";
            case RUNNING -> "resume";
        };
        if (!may.allowed()) {
            audit(may.name(), platform, action + " refused", run.id());
            throw new ResearchRefusedException(may.name() + " may not " + action + " this run; ask " + may.whoMay());
        }
        audit(may.name(), platform, action, run.id());
        service.control(run.id(), control, may.name());
    }

    String threadReply(ResearchService service, String researchId, Inbound.MessagePosted m) {
        links.link(
                new MessageLink(m.platform(), m.channel(), m.messageId(), m.threadId(), researchId, MessageRole.REPLY));
        Optional<ResearchRun> run = activeRun(researchId);
        String word = m.text().strip().toLowerCase(Locale.ROOT);
        if (run.isPresent() && List.of("stop", "pause", "resume").contains(word)) {
            control(
                    service,
                    run.get(),
                    word.equals("stop")
                            ? RunControl.STOPPED
                            : word.equals("pause") ? RunControl.PAUSED : RunControl.RUNNING,
                    m.platform(),
                    m.channel(),
                    m.user(),
                    m.userName());
            return "";
        }
        String taken;
        if (run.isPresent()) {
            Approver may = authority.mayApprove(new Authority.Actor(m.platform(), m.channel(), m.user(), m.userName()));
            boolean answered = service.reply(run.get().id(), may, m.text());
            taken = !answered
                            && !may.allowed()
                            && service.awaitsApproval(run.get().id())
                    ? "Kept as feedback for " + run.get().id() + "; its approval question waits for an approver ("
                            + may.whoMay() + ")"
                    : "Passed to the running experiment " + run.get().id();
        } else {
            String hypothesis = target(researchId, m);
            service.feedback(researchId, hypothesis, m.userName(), m.text());
            taken = hypothesis.isBlank() ? "Taken as feedback on the research" : "Taken as feedback on " + hypothesis;
        }
        ChatPlatform platform = platforms.get(m.platform());
        if (platform == null) {
            return taken;
        }
        outbox.send(researchId, () -> platform.react(m.message(), Emoji.CHECK));
        return platform.whispers() ? taken : "";
    }

    /**
     * The hypothesis a reply is about: the one it names, else the one whose message it answers (a reply to a
     * message, where the platform has them), else the only one still proposed, else none.
     */
    private String target(String researchId, Inbound.MessagePosted reply) {
        String text = reply.text();
        List<StoredHypothesis> all = store.hypotheses(researchId);
        Matcher m = HYPOTHESIS.matcher(text);
        if (m.find()) {
            String id = "H" + m.group(1);
            if (all.stream().anyMatch(h -> h.id().equals(id))) {
                return id;
            }
        }
        Optional<String> answered = links.message(reply.platform(), reply.channel(), reply.threadId())
                .map(MessageLink::role)
                .flatMap(Replies::hypothesis)
                .map(MessageRole.Hypothesis::id);
        if (answered.isPresent()) {
            return answered.get();
        }
        List<StoredHypothesis> open =
                all.stream().filter(h -> h.state() == HypothesisState.PROPOSED).toList();
        return open.size() == 1 ? open.get(0).id() : "";
    }

    String reaction(ResearchService service, Inbound.ReactionChanged r) {
        Optional<MessageLink> link = links.message(r.platform(), r.channel(), r.messageId());
        if (link.isEmpty()) {
            return "";
        }
        String researchId = link.get().researchId();
        Optional<MessageRole.Hypothesis> version = hypothesis(link.get().role());
        if (version.isPresent()) {
            String h = version.get().id();
            int v = version.get().version();
            switch (r.emoji()) {
                case Emoji.THUMBS_UP -> service.vote(researchId, h, v, r.user(), r.added() ? 1 : 0);
                case Emoji.THUMBS_DOWN -> service.vote(researchId, h, v, r.user(), r.added() ? -1 : 0);
                case Emoji.ROCKET -> {
                    if (r.added()) {
                        requireCurrent(researchId, h, v);
                        return approved(
                                approve(service, researchId, h, r.platform(), r.channel(), r.user(), r.userName()));
                    }
                }
                default -> {}
            }
        }
        if (r.emoji().equals(Emoji.REPEAT) && r.added()) {
            service.regenerate(researchId, r.userName());
            return "Drafting new hypotheses";
        }
        return "";
    }

    String button(ResearchService service, Inbound.ButtonPressed b) {
        Optional<MessageLink> link = links.message(b.platform(), b.channel(), b.messageId());
        if (link.isEmpty()) {
            return "That message is not part of a research I know.";
        }
        String researchId = link.get().researchId();
        Optional<MessageRole.Hypothesis> shown = hypothesis(link.get().role());
        if (shown.isPresent() && List.of("run", "refine", "discard").contains(b.action())) {
            requireCurrent(researchId, shown.get().id(), shown.get().version());
        }
        return switch (b.action()) {
            case "run" ->
                approved(approve(service, researchId, b.value(), b.platform(), b.channel(), b.user(), b.userName()));
            case "refine" -> {
                service.refine(researchId, b.value(), b.userName());
                yield "Refining " + b.value() + " from the thread's feedback";
            }
            case "discard" -> {
                service.discard(researchId, b.value(), b.userName());
                yield "Discarded " + b.value();
            }
            case "review" -> {
                service.reviewAgain(researchId, b.userName());
                yield "Reviewing the hypotheses that have no review yet";
            }
            case "go", "decline" ->
                answerApproval(service, runIn(researchId, b.value()), b.action().equals("go"), b);
            case "stop", "pause", "resume" -> {
                control(
                        service,
                        runIn(researchId, b.value()),
                        switch (b.action()) {
                            case "stop" -> RunControl.STOPPED;
                            case "pause" -> RunControl.PAUSED;
                            default -> RunControl.RUNNING;
                        },
                        b.platform(),
                        b.channel(),
                        b.user(),
                        b.userName());
                yield "";
            }
            default -> "Unknown action " + b.action();
        };
    }

    /** The run {@code runId} of the research, or a refusal naming it. */
    private ResearchRun runIn(String researchId, String runId) {
        return runs.run(runId)
                .filter(x -> x.researchId().equals(researchId))
                .orElseThrow(() -> new ResearchRefusedException("no run " + runId + " in this research"));
    }

    /** Approve or Decline pressed on a run's approval question: only an approver's press answers it; audited. */
    private String answerApproval(ResearchService service, ResearchRun run, boolean go, Inbound.ButtonPressed b) {
        Approver may = authority.mayApprove(new Authority.Actor(b.platform(), b.channel(), b.user(), b.userName()));
        String action = go ? "approve step" : "decline step";
        if (!may.allowed()) {
            audit(may.name(), b.platform(), action + " refused", run.id());
            throw new ResearchRefusedException(
                    "only an approver answers " + run.id() + "'s approval question; ask " + may.whoMay());
        }
        if (!service.awaitsApproval(run.id()) || !service.reply(run.id(), may, go ? "yes" : "no")) {
            return "No approval question of " + run.id() + " is waiting";
        }
        audit(may.name(), b.platform(), action, run.id());
        return go ? "Approved: " + run.id() + " goes ahead" : "Declined: " + run.id() + " will not run that";
    }

    /** A run is approved on the latest version only: the rocket on a superseded message says where to go. */
    private void requireCurrent(String researchId, String hypothesisId, int version) {
        store.hypotheses(researchId).stream()
                .filter(h -> h.id().equals(hypothesisId))
                .findFirst()
                .filter(h -> h.hypothesis().version() > version)
                .ifPresent(h -> {
                    throw new ResearchRefusedException(hypothesisId + " v" + version + " was superseded by v"
                            + h.hypothesis().version() + "; approve v"
                            + h.hypothesis().version() + " instead");
                });
    }

    private static String approved(ResearchRun run) {
        return "Approved: " + run.id() + " of " + run.hypothesisId() + " is queued";
    }

    private Optional<ResearchRun> activeRun(String researchId) {
        return runs.runs(researchId).stream()
                .filter(r -> !r.status().finished())
                .findFirst();
    }

    private static Optional<MessageRole.Hypothesis> hypothesis(MessageRole role) {
        return role instanceof MessageRole.Hypothesis h ? Optional.of(h) : Optional.empty();
    }
}
