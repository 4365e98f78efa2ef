package org.mlrcopilot.agents.research;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.idea.IdeaAgent;
import org.mlrcopilot.agents.idea.ResearchElements;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;

/**
 * The idea stage of one research, resumable: it skips what the store already holds (the brief, the hypotheses), so
 * a restart in the middle repeats at most the step that was interrupted.
 */
final class IdeaStage {

    private final ResearchStore store;
    private final ResearchEvents events;
    private final ResearchTools tools;
    private final ResearchSettings settings;
    private final Clock clock;
    private final Shutdown shutdown;
    private final StoreOutage outage;

    IdeaStage(
            ResearchStore store,
            ResearchEvents events,
            ResearchTools tools,
            ResearchSettings settings,
            Clock clock,
            Shutdown shutdown,
            StoreOutage outage) {
        this.shutdown = shutdown;
        this.outage = outage;
        this.store = store;
        this.events = events;
        this.tools = tools;
        this.settings = settings;
        this.clock = clock;
    }

    static final String READING_DETAIL = "reading the paper";
    /** Readings of one paper the service may be stopped in before the paper is given up as unreadable. */
    static final int MAX_READING_ATTEMPTS = 2;

    /** Which reading a status detail names: 1 for "reading the paper", n for "reading the paper (attempt n)". */
    static int readingAttempt(String detail) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\(attempt (\\d{1,3})\\)$").matcher(detail == null ? "" : detail);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** The idea stage, from what was saved; a reading the service stopped in counts as an attempt. */
    void run(String researchId) {
        run(researchId, true);
    }

    /**
     * The idea stage again after work was held for want of space: a reading that was held, not stopped in, is not
     * counted as an attempt, so an outage cannot make a paper unreadable.
     */
    void continueAfterOutage(String researchId) {
        run(researchId, false);
    }

    private void run(String researchId, boolean stoppedIn) {
        Research r = store.research(researchId).orElseThrow();
        if (!r.status().inProgress()) {
            return;
        }
        int attempt = r.status() == ResearchStatus.READING ? readingAttempt(r.detail()) + (stoppedIn ? 1 : 0) : 1;
        if (attempt > MAX_READING_ATTEMPTS) {
            // the service stopped (a crash, a kill, running out of memory) every time it read this paper: not again
            fail(
                    r,
                    new Failures(
                            "I could not read the paper: the service stopped while reading it, " + MAX_READING_ATTEMPTS
                                    + " times, so it is marked unreadable",
                            "attach the PDF or post another link to it; press *Regenerate* to try this one again"));
            return;
        }
        r = status(
                r,
                ResearchStatus.READING,
                attempt == 1 ? READING_DETAIL : READING_DETAIL + " (attempt " + attempt + ")");
        Paper paper;
        try {
            paper = tools.read(r.link());
        } catch (RuntimeException e) {
            if (!outage.held(e, researchId, null)) {
                fail(r, Failures.reading(e));
            }
            return;
        }
        r = r.titled(paper.title());
        Optional<IdeaAgent> agent = tools.ideas(r);
        if (agent.isEmpty()) {
            withoutModel(r, paper);
            return;
        }
        try {
            propose(r, paper, agent.get());
        } catch (RuntimeException e) {
            if (!outage.held(e, researchId, null)) {
                fail(store.research(researchId).orElse(r), Failures.thinking(e));
            }
        }
    }

    private void withoutModel(Research r, Paper paper) {
        r = status(r, ResearchStatus.GENERATING, "searching related work");
        StoredBrief brief = store.brief(r.id()).orElseGet(() -> null);
        if (brief == null) {
            brief = saveBrief(r, paper, null, tools.related(paper));
        }
        status(r, ResearchStatus.READY, "brief ready; hypotheses need a language model");
        events.problem(
                r, "no language model is configured, so I cannot propose hypotheses", tools.howToConfigureModel());
    }

    private void propose(Research r, Paper paper, IdeaAgent agent) {
        StoredBrief brief = store.brief(r.id()).orElse(null);
        if (brief == null || brief.elements() == null) {
            r = status(r, ResearchStatus.GENERATING, "finding the paper's research tasks, gaps and keywords");
            ResearchElements elements;
            try {
                elements = agent.elements(paper);
            } catch (RuntimeException e) {
                if (brief == null && !shutdown.underway()) {
                    saveBrief(r, paper, null, tools.related(paper)); // the paper and its related work, at least
                }
                throw e;
            }
            r = status(
                    r,
                    ResearchStatus.GENERATING,
                    "searching related work for " + String.join(", ", elements.keywords()));
            brief = saveBrief(r, paper, elements, agent.relatedWork(paper, elements));
        }
        if (store.hypotheses(r.id()).isEmpty()) {
            r = status(r, ResearchStatus.GENERATING, "drafting " + settings.hypotheses() + " hypotheses");
            List<Hypothesis> drafted =
                    agent.hypotheses(paper, brief.elements(), brief.relatedWork(), settings.hypotheses());
            r = status(r, ResearchStatus.GENERATING, "reviewing and ranking the hypotheses");
            publish(r, reviewedOrAsDrafted(r, agent, drafted, brief), 0);
        }
        status(
                r,
                ResearchStatus.READY,
                store.hypotheses(r.id()).size()
                        + " hypotheses ready: vote, reply with feedback, or press Run experiment");
    }

    /** The reviewed hypotheses, best first; when the review fails, the drafts unreviewed, and the team is told. */
    List<Hypothesis> reviewedOrAsDrafted(Research r, IdeaAgent agent, List<Hypothesis> drafted, StoredBrief brief) {
        try {
            return agent.review(drafted, brief.relatedWork());
        } catch (RuntimeException e) {
            if (shutdown.underway()) {
                throw e;
            }
            events.problem(
                    r,
                    "the review of the hypotheses failed ("
                            + Failures.thinking(e).cause() + "), so they are shown unreviewed",
                    "press *Review again* on a hypothesis");
            return drafted;
        }
    }

    /** The draft's hypotheses saved as one write (recovery sees all of them or none), then shown. */
    void publish(Research r, List<Hypothesis> ranked, int firstPosition) {
        List<StoredHypothesis> batch = new java.util.ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            batch.add(new StoredHypothesis(r.id(), firstPosition + i, ranked.get(i), HypothesisState.PROPOSED));
        }
        store.save(batch);
        batch.forEach(h -> events.hypothesis(r, h, VoteCount.NONE));
    }

    private StoredBrief saveBrief(Research r, Paper paper, ResearchElements elements, RelatedWork related) {
        StoredBrief brief = new StoredBrief(r.id(), r.link(), paper.title(), paper.abstractText(), elements, related);
        store.save(brief);
        events.brief(r, brief);
        return brief;
    }

    Research status(Research r, ResearchStatus status, String detail) {
        Research next = r.with(status, detail, clock.instant());
        store.save(next);
        events.status(next);
        return next;
    }

    private void fail(Research r, Failures f) {
        if (shutdown.underway()) {
            return;
        }
        // said once, where the research's state is shown: the status message (which names the requester)
        status(r, ResearchStatus.FAILED, f.cause() + "\nNext: " + f.nextStep());
    }
}
