package org.mlrcopilot.agents.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.idea.HumanFeedback;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.idea.IdeaAgent;
import org.mlrcopilot.agents.paper.Paper;

/** Refining one hypothesis from the team's feedback, and drafting new hypotheses for a paper. */
final class Revisions {

    private final ResearchStore store;
    private final ResearchEvents events;
    private final ResearchTools tools;
    private final ResearchSettings settings;
    private final IdeaStage stage;

    private final Shutdown shutdown;
    private final StoreOutage outage;

    Revisions(
            ResearchStore store,
            ResearchEvents events,
            ResearchTools tools,
            ResearchSettings settings,
            IdeaStage stage,
            Shutdown shutdown,
            StoreOutage outage) {
        this.shutdown = shutdown;
        this.outage = outage;
        this.store = store;
        this.events = events;
        this.tools = tools;
        this.settings = settings;
        this.stage = stage;
    }

    void checkRefinable(StoredHypothesis h) {
        if (h.state() == HypothesisState.DISCARDED) {
            throw new ResearchRefusedException(h.id() + " was discarded");
        }
        VoteCount votes = store.votes(h);
        if (comments(h.researchId(), h.id()).isEmpty() && votes.up() + votes.down() == 0) {
            throw new ResearchRefusedException(
                    "reply to " + h.id() + " with what to change (or vote on it), " + "then press Refine");
        }
    }

    void refine(String researchId, String hypothesisId) {
        Research r = store.research(researchId).orElseThrow();
        StoredHypothesis h = current(researchId, hypothesisId);
        Optional<IdeaAgent> agent = tools.ideas(r);
        StoredBrief brief = store.brief(researchId).orElse(null);
        if (agent.isEmpty() || brief == null) {
            if (h.state() == HypothesisState.REFINING) {
                store.save(h.in(HypothesisState.PROPOSED));
            }
            events.problem(r, "refining needs a language model", tools.howToConfigureModel());
            return;
        }
        StoredHypothesis refining = h.in(HypothesisState.REFINING);
        store.save(refining);
        VoteCount votes = store.votes(h);
        events.hypothesis(r, refining, votes);
        try {
            Hypothesis revised = agent.get()
                    .revise(
                            h.hypothesis(),
                            new HumanFeedback(comments(researchId, hypothesisId), votes.up(), votes.down()),
                            brief.relatedWork());
            revised = reviewed(r, agent.get(), revised, brief);
            StoredHypothesis next = new StoredHypothesis(researchId, h.position(), revised, HypothesisState.PROPOSED);
            StoredHypothesis superseded = h.in(HypothesisState.SUPERSEDED);
            store.save(List.of(next, superseded));
            // the new version is a message of its own, under the feedback that caused it; the old one stays, marked
            events.hypothesis(r, next, VoteCount.NONE);
            events.hypothesis(r, superseded, votes);
        } catch (RuntimeException e) {
            if (shutdown.underway() || outage.held(e, researchId, null)) {
                return; // left "refining": refined again after the restart, or once writes succeed again
            }
            StoredHypothesis back = h.in(HypothesisState.PROPOSED);
            store.save(back);
            events.hypothesis(r, back, store.votes(back));
            Failures f = Failures.thinking(e);
            events.problem(r, f.cause(), "press Refine to try again");
        }
    }

    /**
     * The revised version with a review of its own, ranked among the other open hypotheses, as the idea stage
     * reviews: unreviewed (shown so, with Review again) when the review fails.
     */
    private Hypothesis reviewed(Research r, IdeaAgent agent, Hypothesis revised, StoredBrief brief) {
        List<Hypothesis> open = new ArrayList<>(store.hypotheses(r.id()).stream()
                .filter(o -> o.state() == HypothesisState.PROPOSED && !o.id().equals(revised.id()))
                .map(StoredHypothesis::hypothesis)
                .toList());
        open.add(revised);
        return stage.reviewedOrAsDrafted(r, agent, open, brief).stream()
                .filter(x -> x.id().equals(revised.id()))
                .findFirst()
                .orElse(revised);
    }

    void regenerate(String researchId) {
        regenerate(researchId, -1);
    }

    /**
     * New hypotheses for the research; {@code had} is the number it had when this request was first made and
     * held for want of space (-1 for a new request): when more were saved since, only the status is left to set.
     */
    private void regenerate(String researchId, int had) {
        Research r = store.research(researchId).orElseThrow();
        Optional<IdeaAgent> agent = tools.ideas(r);
        StoredBrief brief = store.brief(researchId).orElse(null);
        if (agent.isEmpty() || brief == null || brief.elements() == null) {
            events.problem(
                    r,
                    "new hypotheses need a language model and the paper's brief",
                    agent.isEmpty() ? tools.howToConfigureModel() : "wait for the brief, then try again");
            return;
        }
        List<StoredHypothesis> existing = store.hypotheses(researchId);
        int before = had < 0 ? existing.size() : had;
        try {
            if (existing.size() > before) {
                stage.status(r, ResearchStatus.READY, existing.size() + " hypotheses");
                return;
            }
            Paper paper = tools.read(r.link());
            r = stage.status(r, ResearchStatus.GENERATING, "drafting " + settings.hypotheses() + " more hypotheses");
            List<Hypothesis> drafted = renumber(
                    agent.get().hypotheses(paper, brief.elements(), brief.relatedWork(), settings.hypotheses()),
                    existing.size());
            stage.publish(r, stage.reviewedOrAsDrafted(r, agent.get(), drafted, brief), existing.size());
            stage.status(r, ResearchStatus.READY, store.hypotheses(researchId).size() + " hypotheses");
        } catch (RuntimeException e) {
            if (outage.heldToRedo(e, researchId, () -> regenerate(researchId, before))) {
                return; // drafted again (or only marked ready) once writes succeed again
            }
            Failures f = Failures.thinking(e);
            stage.status(r, ResearchStatus.READY, "could not draft more hypotheses");
            events.problem(r, f.cause(), f.nextStep());
        }
    }

    /** Reviews the proposed hypotheses that have no review (a review that failed, or a refined version). */
    void reviewAgain(String researchId) {
        Research r = store.research(researchId).orElseThrow();
        Optional<IdeaAgent> agent = tools.ideas(r);
        StoredBrief brief = store.brief(researchId).orElse(null);
        List<StoredHypothesis> unreviewed = store.hypotheses(researchId).stream()
                .filter(h ->
                        h.state() == HypothesisState.PROPOSED && h.hypothesis().review() == null)
                .toList();
        if (agent.isEmpty() || brief == null || unreviewed.isEmpty()) {
            events.problem(
                    r,
                    unreviewed.isEmpty() ? "every proposed hypothesis has its review" : "reviews need a language model",
                    agent.isEmpty() ? tools.howToConfigureModel() : "nothing to do");
            return;
        }
        try {
            r = stage.status(r, ResearchStatus.GENERATING, "reviewing " + unreviewed.size() + " hypotheses");
            List<Hypothesis> reviewed = agent.get()
                    .review(
                            unreviewed.stream()
                                    .map(StoredHypothesis::hypothesis)
                                    .toList(),
                            brief.relatedWork());
            for (Hypothesis h : reviewed) {
                StoredHypothesis before = unreviewed.stream()
                        .filter(u -> u.id().equals(h.id()))
                        .findFirst()
                        .orElseThrow();
                StoredHypothesis next = new StoredHypothesis(researchId, before.position(), h, before.state());
                store.save(next);
                events.hypothesis(r, next, store.votes(next));
            }
            stage.status(r, ResearchStatus.READY, store.hypotheses(researchId).size() + " hypotheses");
        } catch (RuntimeException e) {
            if (outage.heldToRedo(e, researchId, () -> reviewAgain(researchId))) {
                return; // the hypotheses still without a review are reviewed once writes succeed again
            }
            Failures f = Failures.thinking(e);
            stage.status(r, ResearchStatus.READY, "the review failed again");
            events.problem(r, f.cause(), "press *Review again* to try once more");
        }
    }

    /** What the team said about this hypothesis, and about the research as a whole, oldest first. */
    private List<String> comments(String researchId, String hypothesisId) {
        List<String> out = new ArrayList<>();
        store.feedback(researchId, "").forEach(f -> out.add(f.author() + " (on the research): " + f.text()));
        store.feedback(researchId, hypothesisId).stream()
                .filter(f -> f.runId().isEmpty())
                .forEach(f -> out.add(f.author() + ": " + f.text()));
        return out;
    }

    private StoredHypothesis current(String researchId, String hypothesisId) {
        return store.hypotheses(researchId).stream()
                .filter(x -> x.id().equals(hypothesisId))
                .findFirst()
                .orElseThrow();
    }

    private static List<Hypothesis> renumber(List<Hypothesis> drafted, int offset) {
        List<Hypothesis> out = new ArrayList<>();
        for (int i = 0; i < drafted.size(); i++) {
            Hypothesis h = drafted.get(i);
            out.add(new Hypothesis(
                    "H" + (offset + i + 1),
                    1,
                    h.title(),
                    h.method(),
                    h.rationale(),
                    h.expectedOutcome(),
                    h.risks(),
                    h.plan(),
                    h.review(),
                    h.changeSummary(),
                    List.of()));
        }
        return out;
    }
}
