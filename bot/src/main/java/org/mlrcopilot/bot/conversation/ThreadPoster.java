package org.mlrcopilot.bot.conversation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.experiment.tree.Node;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchEvents;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.ResearchStatus;
import org.mlrcopilot.agents.research.ResearchStore;
import org.mlrcopilot.agents.research.RunReport;
import org.mlrcopilot.agents.research.RunStore;
import org.mlrcopilot.agents.research.StoredBrief;
import org.mlrcopilot.agents.research.StoredHypothesis;
import org.mlrcopilot.agents.research.VoteCount;
import org.mlrcopilot.agents.setup.SetupReport;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.mlrcopilot.bot.conversation.MessageRole.RunPart;
import org.mlrcopilot.bot.metrics.ServiceMetrics;

/**
 * Shows research events in the research's thread on its platform: one status message edited in place (throttled),
 * the brief, one message per hypothesis (edited when it changes), milestones, questions and results. Every posted
 * message is linked in the store so reactions and replies find their research after a restart.
 */
final class ThreadPoster implements ResearchEvents {

    private final Map<String, ChatPlatform> platforms;
    private final ResearchStore store;
    private final RunStore runs;
    private final ThreadLinks links;
    private final Outbox outbox;
    private final ServiceMetrics metrics;

    ThreadPoster(
            Map<String, ChatPlatform> platforms, ConversationStores stores, Outbox outbox, ServiceMetrics metrics) {
        this.platforms = platforms;
        this.store = stores.researches();
        this.runs = stores.runs();
        this.links = stores.links();
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Override
    public void status(Research research) {
        outbox.status(research.id(), () -> editStatus(research.id()));
    }

    /** What a run waits for before its next execution, by run id, until the step ends. */
    private final java.util.Map<String, String> waiting = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void waiting(Research research, ResearchRun run, String text) {
        waiting.put(run.id(), text);
        status(research);
    }

    void editStatus(String researchId) {
        Research r = store.research(researchId).orElseThrow();
        String runLine = runs.runs(researchId).stream()
                .filter(run -> !run.status().finished())
                .findFirst()
                .map(run -> "run " + run.id() + ": " + run.status().name().toLowerCase() + ", step " + run.step() + "/"
                        + run.maxSteps() + (waiting.containsKey(run.id()) ? "; " + waiting.get(run.id()) : ""))
                .orElse("");
        OutboundMessage message = Messages.status(r, runLine, platform(r).mention(r.requester()));
        upsert(r, MessageRole.STATUS, message);
    }

    @Override
    public void brief(Research research, StoredBrief brief) {
        outbox.send(research.id(), () -> post(research, MessageRole.BRIEF, Messages.brief(brief)));
    }

    @Override
    public void hypothesis(Research research, StoredHypothesis h, VoteCount votes) {
        int version = h.hypothesis().version();
        MessageRole role = MessageRole.hypothesis(h.id(), version);
        // a refined version is a new message at the end of the thread, pointing back to the one it revises
        Runnable draw = () -> upsert(
                research,
                role,
                Messages.hypothesis(h, votes, version > 1 ? versionLink(research, h.id(), version - 1) : ""));
        if (links.messageFor(research.id(), role).isEmpty()) {
            outbox.send(research.id(), draw);
        } else {
            outbox.edit(research.id(), role.key(), draw);
        }
    }

    /** The permalink of one version's message, empty when it has none. */
    private String versionLink(Research research, String id, int version) {
        return links.messageFor(research.id(), MessageRole.hypothesis(id, version))
                .map(l -> platform(research).permalink(ref(l)))
                .orElse("");
    }

    @Override
    public void runQueued(Research research, ResearchRun run, String approvedBy) {
        milestone(
                research,
                run,
                "Run " + run.id() + " of " + run.hypothesisId() + " approved by " + approvedBy + "; queued");
    }

    @Override
    public void runStarted(Research research, ResearchRun run, boolean resumed) {
        outbox.send(research.id(), () -> {
            if (resumed) {
                resumedAfter.put(run.id(), run.step());
            } else {
                resumedAfter.remove(run.id());
            }
            ResearchRun now = current(run);
            drawn.put(run.id(), now.status());
            upsert(research, MessageRole.of(RunPart.RUN, run.id()), Messages.run(now, resumedAfter.get(run.id())));
        });
    }

    @Override
    public void baselineMeasured(Research research, ResearchRun run, String metric, double value) {
        milestone(research, run, String.format(Locale.ROOT, "Baseline measured: %s = %.4f", metric, value));
    }

    @Override
    public void bestImproved(Research research, ResearchRun run, Node node, String metric, double baseline) {
        milestone(research, run, Results.newBest(node, metric, baseline));
    }

    @Override
    public void runControlled(Research research, ResearchRun run, RunControl control, String by) {
        milestone(
                research,
                run,
                switch (control) {
                    case STOPPED -> "Stop requested by " + by + "; the run ends after the current step";
                    case PAUSED -> "Paused by " + by + " after the current step; press Resume to continue";
                    case RUNNING -> "Resumed by " + by;
                });
    }

    private void milestone(Research research, ResearchRun run, String text) {
        outbox.send(research.id(), () -> {
            post(research, MessageRole.of(RunPart.MILESTONE, run.id()), OutboundMessage.text(text));
            controls(research, run);
        });
    }

    /** The step each run resumed after, for the runs this process resumed, to draw their message again. */
    private final Map<String, Integer> resumedAfter = new ConcurrentHashMap<>();

    /** The state each run's message was last drawn in. */
    private final Map<String, org.mlrcopilot.agents.research.RunStatus> drawn = new ConcurrentHashMap<>();

    /** The run's message redrawn when its state changed: the controls it allows now (none once it ended). */
    private void controls(Research research, ResearchRun run) {
        ResearchRun now = current(run);
        MessageRole role = MessageRole.of(RunPart.RUN, run.id());
        if (links.messageFor(research.id(), role).isEmpty() || now.status() == drawn.get(run.id())) {
            return;
        }
        drawn.put(run.id(), now.status());
        upsert(research, role, Messages.run(now, resumedAfter.get(run.id())));
    }

    private ResearchRun current(ResearchRun run) {
        return runs.run(run.id()).orElse(run);
    }

    @Override
    public void setup(Research research, ResearchRun run, SetupReport report, boolean awaitingApproval) {
        outbox.send(
                research.id(),
                () -> post(research, MessageRole.of(RunPart.SETUP, run.id()), Results.setup(report, awaitingApproval)));
    }

    @Override
    public void step(Research research, ResearchRun run, StepRecord step) {
        waiting.remove(run.id());
        metrics.step(step.action());
        status(research);
        if (step.action().equals("execute_script")) {
            outbox.send(
                    research.id(),
                    () -> post(
                            research,
                            MessageRole.of(RunPart.EXECUTION, run.id()),
                            OutboundMessage.text(Results.execution(step))));
        }
    }

    @Override
    public void question(Research research, ResearchRun run, String question) {
        ask(research, run, "The agent asks", question + "\nReply in this thread to answer.", java.util.List.of());
    }

    /** The approval question with Approve / Decline; a reply of *yes* or *no* by an approver answers it too. */
    @Override
    public void approvalQuestion(Research research, ResearchRun run, String question) {
        ask(
                research,
                run,
                "Approval needed",
                question,
                java.util.List.of(
                        new OutboundMessage.Button("go", "Approve", run.id(), "primary"),
                        new OutboundMessage.Button("decline", "Decline", run.id(), "danger")));
    }

    private void ask(
            Research research,
            ResearchRun run,
            String title,
            String text,
            java.util.List<OutboundMessage.Button> buttons) {
        status(research);
        outbox.send(
                research.id(),
                () -> post(
                        research,
                        MessageRole.of(RunPart.QUESTION, run.id()),
                        new OutboundMessage(
                                title, text, java.util.List.of(), buttons, java.util.List.of(), "#f9a825")));
    }

    @Override
    public void finished(Research research, ResearchRun run, RunReport report) {
        waiting.remove(run.id());
        outbox.send(research.id(), () -> {
            controls(research, run);
            resumedAfter.remove(run.id());
            drawn.remove(run.id());
        });
        metrics.run(run.status().name());
        status(research);
        outbox.send(research.id(), () -> {
            String link = versionLink(research, run.hypothesisId(), run.hypothesisVersion());
            post(
                    research,
                    MessageRole.of(RunPart.RESULT, run.id()),
                    Results.of(report, platform(research).mention(research.requester()), link));
        });
    }

    @Override
    public void problem(Research research, String cause, String nextStep) {
        outbox.send(research.id(), () -> {
            Research now = store.research(research.id()).orElse(research);
            String who = now.status() == ResearchStatus.FAILED ? platform(now).mention(now.requester()) + " " : "";
            post(
                    now,
                    MessageRole.PROBLEM,
                    new OutboundMessage(
                            "",
                            "⚠️ " + who + cause + "\n*Next:* " + nextStep,
                            java.util.List.of(),
                            java.util.List.of(),
                            java.util.List.of(),
                            "#c62828"));
        });
    }

    private void upsert(Research r, MessageRole role, OutboundMessage message) {
        Optional<MessageLink> link = links.messageFor(r.id(), role);
        if (link.isPresent()) {
            platform(r).update(ref(link.get()), message);
        } else {
            post(r, role, message);
        }
    }

    private void post(Research r, MessageRole role, OutboundMessage message) {
        MessageLink root = links.messageFor(r.id(), MessageRole.ROOT)
                .orElseThrow(() -> new IllegalStateException("research " + r.id() + " has no thread"));
        MessageRef posted = platform(r)
                .post(
                        new ThreadRef(root.channel(), root.thread()),
                        message.withMetadata(Map.of("research", r.id(), "role", role.key())));
        links.link(new MessageLink(r.platform(), posted.channel(), posted.messageId(), root.thread(), r.id(), role));
    }

    private ChatPlatform platform(Research r) {
        ChatPlatform p = platforms.get(r.platform());
        if (p == null) {
            throw new IllegalStateException("platform " + r.platform() + " is not running");
        }
        return p;
    }

    private static MessageRef ref(MessageLink link) {
        return new MessageRef(link.channel(), link.messageId(), link.thread());
    }
}
