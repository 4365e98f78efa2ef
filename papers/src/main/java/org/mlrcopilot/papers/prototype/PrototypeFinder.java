package org.mlrcopilot.papers.prototype;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.mlrcopilot.agents.prototype.RegisteredTask;
import org.mlrcopilot.agents.prototype.TaskMatch;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/**
 * Gathers prototypes for an experiment plan, as MLR-Copilot's ExperimentAgent does before coding: the paper's code
 * links, Hugging Face Hub models and datasets, and the registered tasks most like the plan.
 *
 * <p>The Hub is asked once per search term and kind (at most {@value #MAX_TERMS} terms; models and datasets sorted
 * by downloads, {@value HubQuery#LIMIT} each), all in parallel within the deadline less a reserve for ranking.
 * Candidates are de-duplicated by id, models whose fp16 size (safetensors parameters × 2 bytes) is known to exceed
 * {@link PrototypeQuery#maxModelBytes()} are dropped, and the rest ranked, popularity-weighted as in Prompt2Model:
 * <pre>
 *   score = 0.75 · max(0, cos(plan, item)) + 0.25 · pop
 *   pop   = log10(downloads + 1) / max over the candidates of log10(downloads + 1)   (0 if no one has downloads)
 * </pre>
 * where the item's text is its name, pipeline tag, plain tags and description. The top {@value #TOP} models and
 * datasets are kept. A Hub search that fails or is too slow becomes a note; {@link #find} never throws for it.
 * Registered tasks are ranked by the cosine similarity of their description to the plan. Thread-safe.
 */
public final class PrototypeFinder {

    static final int MAX_TERMS = 4;
    static final int TOP = 5;
    private static final Duration MAX_RANKING_RESERVE = Duration.ofSeconds(2);

    private final HubSearch hub;
    private final Similarity similarity;
    private final HubRanker ranker;
    private final Duration deadline;

    public PrototypeFinder(
            GuardedHttpClient http, URI hubUrl, String hfToken, EmbeddingModel embeddings, Duration deadline) {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(hubUrl, "hubUrl");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline must be positive");
        }
        this.hub = new HubSearch(
                http, hubUrl, Objects.requireNonNullElse(hfToken, "").strip());
        this.similarity = new Similarity(Objects.requireNonNull(embeddings, "embeddings"));
        this.ranker = new HubRanker(similarity);
    }

    public Prototypes find(PrototypeQuery query, List<RegisteredTask> tasks) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(tasks, "tasks");
        List<String> notes = new ArrayList<>();
        List<Candidate> found = search(terms(query.searchTerms()), notes);
        List<HubItem> models = ranker.rank(query.planText(), ofKind(found, HubItem.MODEL), query.maxModelBytes(), TOP);
        List<HubItem> datasets = ranker.rank(query.planText(), ofKind(found, HubItem.DATASET), 0, TOP);
        return new Prototypes(
                CodeLinks.of(query.codeLinks()), models, datasets, rankTasks(query.planText(), tasks), notes);
    }

    private List<Candidate> search(List<String> terms, List<String> notes) {
        if (terms.isEmpty()) {
            notes.add(Notes.HUB + " not searched: the plan names no models, datasets or keywords");
            return List.of();
        }
        List<HubQuery> queries = new ArrayList<>();
        terms.forEach(t -> queries.add(new HubQuery(HubItem.MODEL, t)));
        terms.forEach(t -> queries.add(new HubQuery(HubItem.DATASET, t)));
        HubSearch.Result result = hub.run(queries, deadline.minus(rankingReserve()));
        notes.addAll(result.notes());
        return result.found();
    }

    /** The first {@value #MAX_TERMS} distinct terms, compared case-insensitively. */
    static List<String> terms(List<String> searchTerms) {
        Map<String, String> distinct = new LinkedHashMap<>();
        searchTerms.forEach(t -> distinct.putIfAbsent(t.toLowerCase(Locale.ROOT), t));
        return distinct.values().stream().limit(MAX_TERMS).toList();
    }

    private static List<Candidate> ofKind(List<Candidate> found, String kind) {
        return found.stream().filter(c -> c.item().kind().equals(kind)).toList();
    }

    /** Registered tasks by the cosine similarity of "name: description" to the plan, best first. */
    public List<TaskMatch> rankTasks(String plan, List<RegisteredTask> tasks) {
        double[] cos = similarity.to(
                plan, tasks.stream().map(t -> t.name() + ": " + t.description()).toList());
        return IntStream.range(0, tasks.size())
                .mapToObj(i -> new TaskMatch(tasks.get(i).name(), cos[i]))
                .sorted(Comparator.comparingDouble(TaskMatch::score).reversed())
                .toList();
    }

    private Duration rankingReserve() {
        Duration fifth = deadline.dividedBy(5);
        return fifth.compareTo(MAX_RANKING_RESERVE) < 0 ? fifth : MAX_RANKING_RESERVE;
    }
}
