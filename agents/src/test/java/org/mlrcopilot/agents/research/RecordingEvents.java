package org.mlrcopilot.agents.research;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.setup.SetupReport;

/** What the service reported, one line per event in the order it came, e.g. "hypothesis H1 v2 PROPOSED 0/0". */
final class RecordingEvents implements ResearchEvents {

    final List<String> log = new CopyOnWriteArrayList<>();
    private volatile String trigger;
    private volatile Runnable action;

    /** Runs {@code then} once, as the first event starting with {@code prefix} is reported (before it returns). */
    void when(String prefix, Runnable then) {
        this.action = then;
        this.trigger = prefix;
    }

    private void record(String line) {
        log.add(line);
        String t = trigger;
        if (t != null && line.startsWith(t)) {
            trigger = null;
            action.run();
        }
    }

    /** The events of one kind (the first word), without it. */
    List<String> of(String kind) {
        return log.stream()
                .filter(e -> e.startsWith(kind + " "))
                .map(e -> e.substring(kind.length() + 1))
                .toList();
    }

    @Override
    public void status(Research research) {
        record("status " + research.status() + ": " + research.detail());
    }

    @Override
    public void brief(Research research, StoredBrief brief) {
        record("brief " + brief.title() + (brief.elements() == null ? " without elements" : ""));
    }

    @Override
    public void hypothesis(Research research, StoredHypothesis h, VoteCount votes) {
        record("hypothesis " + h.id() + " v" + h.hypothesis().version() + " " + h.state() + " " + votes.up() + "/"
                + votes.down());
    }

    @Override
    public void runQueued(Research research, ResearchRun run, String approvedBy) {
        record("runQueued " + run.id() + " " + run.status() + " approved by " + approvedBy);
    }

    @Override
    public void runStarted(Research research, ResearchRun run, boolean resumed) {
        record("runStarted " + run.id() + (resumed ? " resumed after step " + run.step() : " on " + run.task()));
    }

    @Override
    public void setup(Research research, ResearchRun run, SetupReport report, boolean awaitingApproval) {
        record("setup " + run.id() + " " + report.task().name() + (awaitingApproval ? " awaiting approval" : ""));
    }

    @Override
    public void baselineMeasured(Research research, ResearchRun run, String metric, double value) {
        record("baseline " + run.id() + " " + metric + " " + value);
    }

    @Override
    public void runControlled(Research research, ResearchRun run, RunControl control, String by) {
        record("runControlled " + run.id() + " " + control + " by " + by);
    }

    @Override
    public void step(Research research, ResearchRun run, StepRecord step) {
        record("step " + run.id() + " " + step.step() + " " + step.action());
    }

    @Override
    public void question(Research research, ResearchRun run, String question) {
        record("question " + run.id() + " " + question);
    }

    @Override
    public void bestImproved(
            Research research,
            ResearchRun run,
            org.mlrcopilot.agents.experiment.tree.Node node,
            String metric,
            double baseline) {
        record("bestImproved " + run.id() + " " + node.id() + " " + metric + " " + node.score() + " over " + baseline);
    }

    /** The reports of finished runs, in order. */
    final List<RunReport> reports = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void finished(Research research, ResearchRun run, RunReport report) {
        reports.add(report);
        record("finished " + run.id() + " " + run.status() + " "
                + run.result().stopReason().text());
    }

    @Override
    public void problem(Research research, String cause, String nextStep) {
        record("problem " + cause + " | " + nextStep);
    }
}
