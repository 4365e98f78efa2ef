package org.mlrcopilot.bot.conversation;

import java.util.Map;
import java.util.Optional;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.research.MessageLink;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchEvents;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.ResearchStatus;
import org.mlrcopilot.agents.research.ResearchStore;
import org.mlrcopilot.agents.research.RunReport;
import org.mlrcopilot.agents.research.StoredBrief;
import org.mlrcopilot.agents.research.StoredHypothesis;
import org.mlrcopilot.agents.research.VoteCount;
import org.mlrcopilot.agents.setup.SetupReport;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.mlrcopilot.bot.metrics.ServiceMetrics;

/**
 * Shows research events in the research's thread on its platform: one status message edited in place (throttled),
 * the brief, one message per hypothesis (edited when it changes), milestones, questions and results. Every posted
 * message is linked in the store so reactions and replies find their research after a restart.
 */
final class ThreadPoster implements ResearchEvents {

    private final Map<String, ChatPlatform> platforms;
    private final ResearchStore store;
    private final Outbox outbox;
    private final ServiceMetrics metrics;

    ThreadPoster(Map<String, ChatPlatform> platforms, ResearchStore store, Outbox outbox, ServiceMetrics metrics) {
        this.platforms = platforms;
        this.store = store;
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
        String runLine = store.runs(researchId).stream().filter(run -> !run.status().finished()).findFirst()
                .map(run -> "run " + run.id() + ": " + run.status().name().toLowerCase() + ", step " + run.step() + "/"
                        + run.maxSteps() + (waiting.containsKey(run.id()) ? "; " + waiting.get(run.id()) : ""))
                .orElse("");
        OutboundMessage message = Messages.status(r, runLine, platform(r).mention(r.requester()));
        Optional<MessageLink> link = store.messageFor(researchId, "status");
        if (link.isPresent()) {
            platform(r).update(ref(link.get()), message);
        } else {
            post(r, "status", message);
        }
    }

    @Override
    public void brief(Research research, StoredBrief brief) {
        outbox.send(research.id(), () -> post(research, "brief", Messages.brief(brief)));
    }

    @Override
    public void hypothesis(Research research, StoredHypothesis h, VoteCount votes) {
        int version = h.hypothesis().version();
        String role = HypothesisRole.of(h.id(), version);
        // a refined version is a new message at the end of the thread, pointing back to the one it revises
        Runnable draw = () -> upsert(research, role, Messages.hypothesis(h, votes,
                version > 1 ? versionLink(research, h.id(), version - 1) : ""));
        if (store.messageFor(research.id(), role).isEmpty()) {
            outbox.send(research.id(), draw);
        } else {
            outbox.edit(research.id(), role, draw);
        }
    }

    /** The permalink of one version's message, empty when it has none. */
    private String versionLink(Research research, String id, int version) {
        return store.messageFor(research.id(), HypothesisRole.of(id, version))
                .map(l -> platform(research).permalink(ref(l))).orElse("");
    }

    @Override
    public void milestone(Research research, ResearchRun run, String text) {
        outbox.send(research.id(), () -> {
            if (text.startsWith("Started") || text.startsWith("Resuming")) {
                started.put(run.id(), text);
                ResearchRun now = current(run);
                drawn.put(run.id(), now.status());
                upsert(research, "run:" + run.id(), Messages.runStarted(now, text));
            } else {
                post(research, "milestone:" + run.id(), OutboundMessage.text(text));
                controls(research, run);
            }
        });
    }

    /** How each run's message began ("Started run-… on task …"), to draw it again with the controls that apply. */
    private final java.util.Map<String, String> started = new java.util.concurrent.ConcurrentHashMap<>();

    /** The state each run's message was last drawn in. */
    private final java.util.Map<String, org.mlrcopilot.agents.research.RunStatus> drawn =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The run's message redrawn when its state changed: the controls it allows now (none once it ended). */
    private void controls(Research research, ResearchRun run) {
        ResearchRun now = current(run);
        if (store.messageFor(research.id(), "run:" + run.id()).isEmpty() || now.status() == drawn.get(run.id())) {
            return;
        }
        drawn.put(run.id(), now.status());
        upsert(research, "run:" + run.id(), Messages.runStarted(now,
                started.getOrDefault(run.id(), "Run " + run.id() + " of " + run.hypothesisId())));
    }

    private ResearchRun current(ResearchRun run) {
        return store.run(run.id()).orElse(run);
    }

    @Override
    public void setup(Research research, ResearchRun run, SetupReport report, boolean awaitingApproval) {
        outbox.send(research.id(), () -> post(research, "setup:" + run.id(), Results.setup(report, awaitingApproval)));
    }

    @Override
    public void step(Research research, ResearchRun run, StepRecord step) {
        waiting.remove(run.id());
        metrics.step(step.action());
        status(research);
        if (step.action().equals("execute_script")) {
            outbox.send(research.id(), () -> post(research, "execution:" + run.id(), OutboundMessage.text(
                    Results.execution(step))));
        }
    }

    @Override
    public void question(Research research, ResearchRun run, String question) {
        status(research);
        outbox.send(research.id(), () -> post(research, "question:" + run.id(), new OutboundMessage(
                "The agent asks", question + "\nReply in this thread to answer.", java.util.List.of(),
                java.util.List.of(), java.util.List.of(), "#f9a825")));
    }

    @Override
    public void finished(Research research, ResearchRun run, RunReport report) {
        waiting.remove(run.id());
        outbox.send(research.id(), () -> {
            controls(research, run);
            started.remove(run.id());
            drawn.remove(run.id());
        });
        metrics.run(run.status().name());
        status(research);
        outbox.send(research.id(), () -> {
            String link = versionLink(research, run.hypothesisId(), run.hypothesisVersion());
            post(research, "result:" + run.id(), Results.of(report, platform(research).mention(research.requester()),
                    link));
        });
    }

    @Override
    public void problem(Research research, String cause, String nextStep) {
        outbox.send(research.id(), () -> {
            Research now = store.research(research.id()).orElse(research);
            String who = now.status() == ResearchStatus.FAILED ? platform(now).mention(now.requester()) + " " : "";
            post(now, "problem", new OutboundMessage("", "⚠️ " + who + cause + "\n*Next:* " + nextStep,
                    java.util.List.of(), java.util.List.of(), java.util.List.of(), "#c62828"));
        });
    }

    private void upsert(Research r, String role, OutboundMessage message) {
        Optional<MessageLink> link = store.messageFor(r.id(), role);
        if (link.isPresent()) {
            platform(r).update(ref(link.get()), message);
        } else {
            post(r, role, message);
        }
    }

    private void post(Research r, String role, OutboundMessage message) {
        MessageLink root = store.messageFor(r.id(), "root").orElseThrow(
                () -> new IllegalStateException("research " + r.id() + " has no thread"));
        MessageRef posted = platform(r).post(new ThreadRef(root.channel(), root.thread()),
                message.withMetadata(Map.of("research", r.id(), "role", role)));
        store.link(new MessageLink(r.platform(), posted.channel(), posted.messageId(), root.thread(), r.id(), role));
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
