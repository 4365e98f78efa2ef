package org.mlrcopilot.agents.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mlrcopilot.agents.experiment.StepRecord;

/**
 * The {@link ResearchStore} and {@link RunStore} ports in memory, as their contract says they behave: what a test of
 * the service needs instead of a database. Thread-safe; every call sees every write made before it.
 */
public final class InMemoryResearchStore implements ResearchStore, RunStore {

    private static final Comparator<Research> OLDEST_FIRST =
            Comparator.comparing(Research::createdAt).thenComparing(Research::id);
    private static final Comparator<ResearchRun> RUNS_OLDEST_FIRST =
            Comparator.comparing(ResearchRun::createdAt).thenComparing(ResearchRun::id);
    private static final Comparator<StoredHypothesis> BY_POSITION = Comparator.comparing(StoredHypothesis::researchId)
            .thenComparingInt(StoredHypothesis::position)
            .thenComparing(StoredHypothesis::id);

    private final Map<String, Research> researches = new LinkedHashMap<>();
    private final Map<String, StoredBrief> briefs = new LinkedHashMap<>();
    /** Versions by research and hypothesis id, each by version number. */
    private final Map<String, Map<String, TreeMap<Integer, StoredHypothesis>>> hypotheses = new LinkedHashMap<>();

    private final List<Feedback> feedback = new ArrayList<>();
    private final Map<VoteKey, Integer> votes = new LinkedHashMap<>();
    private final Map<String, ResearchRun> runs = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, StepRecord>> steps = new LinkedHashMap<>();

    /** Why writes fail now (a full disk, simulated), or null when they succeed. */
    private volatile String full;

    /** From now on every write fails with StoreUnavailableException(reason), as on a full disk; null: space again. */
    public void failWrites(String reason) {
        this.full = reason;
    }

    private void refuseWhileFull() {
        String reason = full;
        if (reason != null) {
            throw new StoreUnavailableException("cannot write: " + reason, null);
        }
    }

    @Override
    public Optional<String> writeProblem() {
        return Optional.ofNullable(full);
    }

    private record VoteKey(String researchId, String hypothesisId, int version, String voter) {}

    @Override
    public synchronized void save(Research research) {
        refuseWhileFull();
        researches.put(research.id(), research);
    }

    @Override
    public synchronized Optional<Research> research(String id) {
        return Optional.ofNullable(researches.get(id));
    }

    @Override
    public synchronized List<Research> recent(int limit) {
        return researches.values().stream()
                .sorted(OLDEST_FIRST.reversed())
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized List<Research> unfinished() {
        return researches.values().stream()
                .filter(r -> r.status().inProgress())
                .sorted(OLDEST_FIRST)
                .toList();
    }

    @Override
    public synchronized List<StoredHypothesis> hypothesesIn(HypothesisState state) {
        return hypotheses.values().stream()
                .flatMap(byId -> byId.values().stream())
                .map(versions -> versions.lastEntry().getValue())
                .filter(h -> h.state() == state)
                .sorted(BY_POSITION)
                .toList();
    }

    @Override
    public synchronized void save(StoredBrief brief) {
        refuseWhileFull();
        briefs.put(brief.researchId(), brief);
    }

    @Override
    public synchronized Optional<StoredBrief> brief(String researchId) {
        return Optional.ofNullable(briefs.get(researchId));
    }

    @Override
    public synchronized void save(StoredHypothesis hypothesis) {
        refuseWhileFull();
        hypotheses
                .computeIfAbsent(hypothesis.researchId(), r -> new LinkedHashMap<>())
                .computeIfAbsent(hypothesis.id(), h -> new TreeMap<>())
                .put(hypothesis.hypothesis().version(), hypothesis);
    }

    @Override
    public synchronized void save(List<StoredHypothesis> batch) {
        refuseWhileFull();
        batch.forEach(this::save);
    }

    @Override
    public synchronized List<StoredHypothesis> hypotheses(String researchId) {
        return hypotheses.getOrDefault(researchId, Map.of()).values().stream()
                .map(versions -> versions.lastEntry().getValue())
                .sorted(BY_POSITION)
                .toList();
    }

    @Override
    public synchronized List<StoredHypothesis> versions(String researchId, String hypothesisId) {
        TreeMap<Integer, StoredHypothesis> versions =
                hypotheses.getOrDefault(researchId, Map.of()).get(hypothesisId);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    @Override
    public synchronized void add(Feedback f) {
        refuseWhileFull();
        feedback.add(f);
    }

    @Override
    public synchronized List<Feedback> feedback(String researchId, String hypothesisId) {
        return feedback.stream()
                .filter(f ->
                        f.researchId().equals(researchId) && f.hypothesisId().equals(hypothesisId))
                .toList();
    }

    @Override
    public synchronized List<Feedback> runFeedback(String runId) {
        return feedback.stream().filter(f -> f.runId().equals(runId)).toList();
    }

    @Override
    public synchronized void vote(Vote vote) {
        refuseWhileFull();
        VoteKey key = new VoteKey(vote.researchId(), vote.hypothesisId(), vote.version(), vote.voter());
        if (vote.value() == 0) {
            votes.remove(key);
        } else {
            votes.put(key, vote.value());
        }
    }

    @Override
    public synchronized VoteCount votes(String researchId, String hypothesisId, int version) {
        int up = 0;
        int down = 0;
        for (Map.Entry<VoteKey, Integer> v : votes.entrySet()) {
            VoteKey k = v.getKey();
            if (k.researchId().equals(researchId) && k.hypothesisId().equals(hypothesisId) && k.version() == version) {
                up += v.getValue() > 0 ? 1 : 0;
                down += v.getValue() < 0 ? 1 : 0;
            }
        }
        return new VoteCount(up, down);
    }

    @Override
    public synchronized void save(ResearchRun run) {
        refuseWhileFull();
        runs.put(run.id(), run);
    }

    @Override
    public synchronized Optional<ResearchRun> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized List<ResearchRun> runs(String researchId) {
        return runs.values().stream()
                .filter(r -> r.researchId().equals(researchId))
                .sorted(RUNS_OLDEST_FIRST)
                .toList();
    }

    @Override
    public synchronized List<ResearchRun> activeRuns() {
        return runs.values().stream()
                .filter(r -> !r.status().finished())
                .sorted(RUNS_OLDEST_FIRST)
                .toList();
    }

    @Override
    public synchronized void add(String runId, StepRecord step) {
        refuseWhileFull();
        steps.computeIfAbsent(runId, r -> new TreeMap<>()).put(step.step(), step);
    }

    @Override
    public synchronized List<StepRecord> steps(String runId) {
        TreeMap<Integer, StepRecord> of = steps.get(runId);
        return of == null ? List.of() : List.copyOf(of.values());
    }
}
