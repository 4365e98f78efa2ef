package org.mlrcopilot.agents.research;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlrcopilot.agents.concurrent.Lanes;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.paper.ContentHash;
import org.mlrcopilot.agents.paper.link.PaperLink;
import org.mlrcopilot.agents.paper.link.PaperLinks;
import org.slf4j.LoggerFactory;

/**
 * The use cases of the research bot, independent of any chat platform: submit a paper, feedback and votes,
 * refine, discard, regenerate, approve a run, answer the agent, stop / pause / resume, and recovery after a
 * restart. Calls return at once; the work runs on bounded pools (one lane per research, one thread per run) and
 * is reported through {@link ResearchEvents}.
 */
public final class ResearchService implements AutoCloseable {

    /** How long closing waits for the interrupted idea and run work to end. */
    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(30);

    private final ResearchStore store;
    private final RunStore runs;
    private final ResearchEvents events;
    private final ResearchSettings settings;
    private final Clock clock;
    private final ExecutorService ideaPool;
    private final ExecutorService runPool;
    private final Lanes lanes;
    private final IdeaStage ideas;
    private final Revisions revisions;
    private final RunExecution execution;
    private final Path runsRoot;
    private final ResearchFiles files;
    private final PersonLimits limits;
    private final Shutdown shutdown = new Shutdown();
    private final StoreOutage outage;

    public ResearchService(
            ResearchState state,
            ResearchEvents events,
            ResearchTools tools,
            ResearchSettings settings,
            Clock clock,
            int ideaThreads,
            int runThreads) {
        this(state, events, tools, settings, clock, ideaThreads, runThreads, java.time.Duration.ofSeconds(2));
    }

    /** {@code outageProbe}: how often writes are tried again while work is held for want of space. */
    public ResearchService(
            ResearchState state,
            ResearchEvents events,
            ResearchTools tools,
            ResearchSettings settings,
            Clock clock,
            int ideaThreads,
            int runThreads,
            java.time.Duration outageProbe) {
        this.store = state.researches();
        this.runs = state.runs();
        this.events = Objects.requireNonNull(events, "events");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ideaPool = pool("mlr-ideas", ideaThreads);
        this.runPool = pool("mlr-runs", runThreads);
        this.outage = new StoreOutage(store, tools.runsRoot(), clock, outageProbe, this::continueAfterOutage);
        this.lanes = new Lanes(ideaPool, (lane, e) -> {
            if (!outage.held(e, lane, null)) {
                LoggerFactory.getLogger("mlr.research").error("research task failed", e);
            }
        });
        this.ideas = new IdeaStage(store, events, tools, settings, clock, shutdown, outage);
        this.revisions = new Revisions(store, events, tools, settings, ideas, shutdown, outage);
        this.files = new ResearchFiles(tools.runsRoot());
        this.limits = new PersonLimits(store, state.usage(), settings, clock);
        this.execution = new RunExecution(state, events, tools, clock, shutdown, files, outage);
        this.runsRoot = tools.runsRoot();
    }

    /**
     * A new research for a PDF a person posted as a file, saved as queued: checked to be a PDF of at most
     * {@code maxBytes}, kept by its SHA-256, and read from there (the file's name is its source).
     */
    public Research openUpload(
            String fileName, byte[] pdf, long maxBytes, String requester, String team, String platform) {
        if (pdf.length > maxBytes) {
            throw new ResearchRefusedException(
                    fileName + " is larger than " + maxBytes / 1_000_000 + " MB (fetch.maxBytes)");
        }
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new ResearchRefusedException(fileName + " is not a PDF");
        }
        String sha = ContentHash.of(pdf);
        files.savePaper(sha, pdf);
        return open(PaperLink.Upload.link(sha, ResearchFiles.safe(fileName)), requester, team, platform);
    }

    /** A new research for a paper link, saved as queued; throws UnsupportedLinkException for a link it cannot read. */
    public Research open(String link, String requester, String team, String platform) {
        return open(PaperLinks.parse(link), requester, team, platform);
    }

    /** A new research for a link parsed before (the chat parses what it finds once), saved as queued. */
    public Research open(PaperLink link, String requester, String team, String platform) {
        limits.checkStart(requester);
        String cleaned = link.original();
        Research r = new Research(
                ResearchIds.next("r"),
                cleaned,
                requester,
                team,
                platform,
                ResearchStatus.QUEUED,
                "queued",
                "",
                clock.instant(),
                clock.instant());
        store.save(r);
        return r;
    }

    /** Starts (or continues) the idea stage of a research opened before. */
    public void start(String researchId) {
        require(researchId);
        lanes.submit(researchId, () -> ideas.run(researchId));
    }

    public void feedback(String researchId, String hypothesisId, String author, String text) {
        require(researchId);
        store.add(new Feedback(researchId, hypothesisId, "", author, text, clock.instant()));
    }

    /** A vote on one version of a hypothesis (the version the voter saw); it stays with that version. */
    public VoteCount vote(String researchId, String hypothesisId, int version, String voter, int value) {
        Research r = require(researchId);
        StoredHypothesis h = version(researchId, hypothesisId, version)
                .orElseThrow(() ->
                        new ResearchRefusedException("no " + hypothesisId + " v" + version + " in " + researchId));
        store.vote(new Vote(researchId, hypothesisId, version, voter, value));
        VoteCount count = store.votes(h);
        // drawn as the version is by the time the lane gets to it (approved or superseded meanwhile, say)
        lanes.submit(
                researchId,
                () -> version(researchId, hypothesisId, version)
                        .ifPresent(now -> events.hypothesis(r, now, store.votes(now))));
        return count;
    }

    /** A new version of the hypothesis from its feedback and votes. */
    public void refine(String researchId, String hypothesisId, String by) {
        require(researchId);
        revisions.checkRefinable(hypothesis(researchId, hypothesisId));
        lanes.submit(researchId, () -> revisions.refine(researchId, hypothesisId));
    }

    public void discard(String researchId, String hypothesisId, String by) {
        Research r = require(researchId);
        StoredHypothesis h = hypothesis(researchId, hypothesisId).in(HypothesisState.DISCARDED);
        store.save(h);
        lanes.submit(researchId, () -> events.hypothesis(r, h, store.votes(h)));
    }

    /** New hypotheses for the paper (or the idea stage again after a failure). */
    public void regenerate(String researchId, String by) {
        Research r = require(researchId);
        if (r.status() == ResearchStatus.FAILED && store.hypotheses(researchId).isEmpty()) {
            store.save(r.with(ResearchStatus.QUEUED, "queued again by " + by, clock.instant()));
            start(researchId);
            return;
        }
        lanes.submit(researchId, () -> revisions.regenerate(researchId));
    }

    /** Reviews the proposed hypotheses that have no review yet (after a failed review, or refined versions). */
    public void reviewAgain(String researchId, String by) {
        require(researchId);
        lanes.submit(researchId, () -> revisions.reviewAgain(researchId));
    }

    /**
     * Approves an experiment run of the hypothesis for {@code approver}; refused when the rule that decides who
     * approves said no, the hypothesis was discarded, a run is active or the requester's spending limit is reached.
     */
    public ResearchRun approve(String researchId, String hypothesisId, Approver approver) {
        if (!approver.allowed()) {
            throw new ResearchRefusedException(
                    approver.name() + " is not an approver; ask " + approver.whoMay() + " to approve the run");
        }
        return approved(researchId, hypothesisId, approver.name());
    }

    private ResearchRun approved(String researchId, String hypothesisId, String userName) {
        Research r = require(researchId);
        limits.checkSpending(r.requester());
        StoredHypothesis h = hypothesis(researchId, hypothesisId);
        if (h.state() == HypothesisState.DISCARDED) {
            throw new ResearchRefusedException(hypothesisId + " was discarded");
        }
        if (runs.runs(researchId).stream().anyMatch(run -> !run.status().finished())) {
            throw new ResearchRefusedException("a run of this research is still active; stop it first");
        }
        String runId = ResearchIds.next("run");
        ResearchRun run = new ResearchRun(
                runId,
                researchId,
                hypothesisId,
                h.hypothesis().version(),
                "pending",
                r.requester(),
                userName,
                RunStatus.QUEUED,
                0,
                settings.maxSteps(),
                runsRoot.resolve(runId).toAbsolutePath().toString(),
                null,
                clock.instant(),
                clock.instant());
        runs.save(run);
        StoredHypothesis approved = h.in(HypothesisState.APPROVED);
        store.save(approved);
        lanes.submit(researchId, () -> {
            events.hypothesis(r, approved, store.votes(approved));
            events.runQueued(r, run, userName);
        });
        runPool.execute(() -> execution.execute(runId, h.hypothesis()));
        return run;
    }

    /**
     * Keeps a file the team posted in the research's thread; data files (CSV, TSV, JSON Lines, JSON, Parquet) become
     * datasets of the research's next experiment set-ups. Returns the name it is kept under.
     */
    public String attach(String researchId, String name, byte[] content) {
        require(researchId);
        if (content.length > settings.maxFileBytes()) {
            throw new ResearchRefusedException(name + " is larger than " + settings.maxFileBytes() / 1_000_000
                    + " MB (experiment.maxDatasetBytes)");
        }
        return files.save(researchId, name, content).getFileName().toString();
    }

    /** The files the team posted in the research's thread, by the name they are kept under. */
    public java.util.Map<String, Path> files(String researchId) {
        return files.of(researchId);
    }

    /**
     * A reply to a run: answers the agent's pending question, else it is feedback for the next step. A question
     * that asks for approval is answered only by an approver ({@code author} says whether they may approve); another
     * person's reply is feedback and leaves the question open.
     */
    public boolean reply(String runId, Approver author, String text) {
        ResearchRun run = runs.run(runId).orElseThrow(() -> new ResearchRefusedException("no run " + runId));
        store.add(new Feedback(run.researchId(), run.hypothesisId(), runId, author.name(), text, clock.instant()));
        return execution.team(runId).reply(new RunTeam.Reply(author.name(), text, author.allowed()));
    }

    /** Whether the run waits for an approver to answer its approval question. */
    public boolean awaitsApproval(String runId) {
        return execution.team(runId).awaitingApproval();
    }

    public void control(String runId, RunControl control, String by) {
        ResearchRun run = runs.run(runId).orElseThrow(() -> new ResearchRefusedException("no run " + runId));
        if (run.status().finished()) {
            throw new ResearchRefusedException(runId + " has already finished");
        }
        execution.team(runId).set(control);
        RunStatus status = control == RunControl.PAUSED ? RunStatus.PAUSED : RunStatus.RUNNING;
        if (control != RunControl.STOPPED) {
            runs.save(run.with(status, run.step(), clock.instant()));
        }
        Research r = require(run.researchId());
        lanes.submit(r.id(), () -> events.runControlled(r, run, control, by));
    }

    /** After a restart: the idea stages in progress continue, interrupted runs resume from their last step. */
    public int recover() {
        List<Research> open = store.unfinished();
        open.forEach(r -> start(r.id()));
        List<StoredHypothesis> refining = store.hypothesesIn(HypothesisState.REFINING);
        refining.forEach(h -> lanes.submit(h.researchId(), () -> revisions.refine(h.researchId(), h.id())));
        List<ResearchRun> active = runs.activeRuns();
        for (ResearchRun run : active) {
            StoredHypothesis h = hypothesis(run.researchId(), run.hypothesisId());
            if (run.status() == RunStatus.PAUSED) {
                // a pause outlives a restart: the run waits for Resume after it
                execution.team(run.id()).set(RunControl.PAUSED);
            }
            runPool.execute(() -> execution.execute(run.id(), h.hypothesis()));
        }
        return open.size() + refining.size() + active.size();
    }

    /**
     * Work held while nothing could be saved, continued once writes succeed again: the idea stage and refinements
     * from what was saved, runs from their last saved step; the thread is told how long nothing could be saved.
     */
    private void continueAfterOutage(StoreOutage.Held held) {
        Research r = store.research(held.researchId()).orElse(null);
        if (r == null || shutdown.underway()) {
            return;
        }
        long seconds = Math.max(
                1, java.time.Duration.between(held.since(), clock.instant()).toSeconds());
        lanes.submit(
                r.id(),
                () -> events.problem(
                        r,
                        "this research's work could not be saved for about " + seconds + " s (" + held.reason()
                                + "); what was acknowledged is kept, and the work goes on from what was saved",
                        "nothing: it continues on its own now that writes succeed again"));
        if (r.status().inProgress() && held.redo().isEmpty()) {
            // (a request made again sets the status itself)
            lanes.submit(r.id(), () -> ideas.continueAfterOutage(r.id()));
        }
        store.hypothesesIn(HypothesisState.REFINING).stream()
                .filter(h -> h.researchId().equals(r.id()))
                .forEach(h -> lanes.submit(r.id(), () -> revisions.refine(r.id(), h.id())));
        for (String runId : held.runIds()) {
            runs.run(runId).filter(run -> !run.status().finished()).ifPresent(run -> {
                StoredHypothesis h = hypothesis(run.researchId(), run.hypothesisId());
                runPool.execute(() -> execution.execute(run.id(), h.hypothesis()));
            });
        }
        held.redo().forEach(request -> lanes.submit(r.id(), request));
    }

    /**
     * Why research work cannot be taken now, for the health check: a pool of workers that no longer accepts work, or
     * work held because nothing can be saved; empty while both pools serve. (A lane survives whatever its task
     * throws, and the launcher makes the service exit on running out of memory, so a stopped pool is the dead lane.)
     */
    public Optional<String> workersProblem() {
        if (ideaPool.isShutdown() || runPool.isShutdown()) {
            return Optional.of(shutdown.underway() ? "stopping" : "the research workers have stopped");
        }
        if (outage.holding()) {
            return Optional.of("research work is held until writes succeed again");
        }
        return Optional.empty();
    }

    /** Completes when the research's queued idea work has run (for tests and shutdown). */
    public CompletableFuture<Void> idle(String researchId) {
        return lanes.idle(researchId);
    }

    public ResearchSettings settings() {
        return settings;
    }

    private Research require(String researchId) {
        return store.research(researchId).orElseThrow(() -> new ResearchRefusedException("no research " + researchId));
    }

    private java.util.Optional<StoredHypothesis> version(String researchId, String hypothesisId, int version) {
        return store.versions(researchId, hypothesisId).stream()
                .filter(v -> v.hypothesis().version() == version)
                .findFirst();
    }

    private StoredHypothesis hypothesis(String researchId, String hypothesisId) {
        return store.hypotheses(researchId).stream()
                .filter(h -> h.id().equals(hypothesisId))
                .findFirst()
                .orElseThrow(() -> new ResearchRefusedException("no hypothesis " + hypothesisId + " in " + researchId));
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        shutdown.begin();
        outage.close();
        ideaPool.shutdownNow();
        runPool.shutdownNow();
        // the work interrupted above must be over before the store closes under it, and before another service
        // starts on the same state: a model call answered after this point would otherwise still be acted on
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (ExecutorService pool : List.of(ideaPool, runPool)) {
            try {
                if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LoggerFactory.getLogger("mlr.research")
                            .warn("stopping: work still running after " + CLOSE_WAIT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
