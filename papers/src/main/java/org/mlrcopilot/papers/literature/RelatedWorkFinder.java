package org.mlrcopilot.papers.literature;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.literature.SourceStatus;
import org.mlrcopilot.papers.arxiv.ArxivApi;
import org.mlrcopilot.papers.fetch.FetchFailures;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/**
 * Finds recent work related to a paper: Semantic Scholar (references, recommendations, keyword search), then
 * OpenAlex when Semantic Scholar did not answer or gave too few, then arXiv when both fell short. Candidates are
 * merged, the query paper dropped, and the rest ranked by embedding similarity with a bonus for recency.
 * Thread-safe.
 */
public final class RelatedWorkFinder {

    private static final Duration MAX_RANKING_RESERVE = Duration.ofSeconds(2);
    private static final Duration MIN_SOURCE_TIME = Duration.ofMillis(50);

    private final LiteratureSettings settings;
    private final Clock clock;
    private final SemanticScholar semanticScholar;
    private final OpenAlex openAlex;
    private final ArxivSearch arxiv;
    private final Ranker ranker;

    public RelatedWorkFinder(
            GuardedHttpClient http, LiteratureSettings settings, EmbeddingModel embeddings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        Calls calls = new Calls(Objects.requireNonNull(http, "http"));
        this.semanticScholar = new SemanticScholar(calls, settings);
        this.openAlex = new OpenAlex(calls, settings);
        this.arxiv = new ArxivSearch(new ArxivApi(http, settings.arxivApiUrl()), calls);
        this.ranker = new Ranker(Objects.requireNonNull(embeddings, "embeddings"), calls);
    }

    /** The in-process all-MiniLM-L6-v2 (quantized) embedding model, loaded on first use and shared. */
    public static EmbeddingModel localEmbeddings() {
        return LocalModel.INSTANCE;
    }

    /** Related papers, best first; source failures and slow sources are reported in the result, never thrown. */
    public RelatedWork find(LiteratureQuery query) {
        Objects.requireNonNull(query, "query");
        SearchDeadline overall = SearchDeadline.of(settings.deadline());
        Recency recency = new Recency(LocalDate.now(clock).getYear(), settings.recentYears());
        Search search = new Search(overall);
        Outcome s2 = search.ask(SemanticScholar.SOURCE, 0.5, b -> semanticScholar.find(query, recency.fromYear(), b));
        LiteratureQuery known = s2.self() == null ? query : query.withResolved(s2.self());
        if (!enough(search.found, known, recency)) {
            search.ask(OpenAlex.SOURCE, 0.5, b -> openAlex.find(known, recency.fromYear(), b));
        }
        if (!enough(search.found, known, recency)) {
            search.ask(ArxivSearch.SOURCE, 1.0, b -> arxiv.find(known, b));
        }
        List<RelatedPaper> ranked = ranker.rank(
                known.embeddingText(),
                Merger.merge(search.found, known),
                recency,
                settings.maxResults(),
                overall.remaining());
        return new RelatedWork(ranked, search.statuses);
    }

    private boolean enough(List<RelatedPaper> found, LiteratureQuery query, Recency recency) {
        return Merger.merge(found, query).stream()
                        .filter(p -> recency.recent(p.year()))
                        .count()
                >= settings.maxResults();
    }

    /** The sources asked so far, what they gave, and how each fared. */
    private final class Search {

        final List<RelatedPaper> found = new ArrayList<>();
        final List<SourceStatus> statuses = new ArrayList<>();
        private final SearchDeadline overall;

        Search(SearchDeadline overall) {
            this.overall = overall;
        }

        Outcome ask(String source, double share, Function<SearchDeadline, Outcome> call) {
            markFellBack();
            SearchDeadline budget = overall.slice(share, rankingReserve());
            Duration granted = budget.remaining();
            long start = System.nanoTime();
            Outcome outcome;
            try {
                outcome = granted.compareTo(MIN_SOURCE_TIME) < 0
                        ? Outcome.failed("skipped, no time left")
                        : call.apply(budget);
            } catch (RuntimeException e) {
                outcome = Outcome.failed(FetchFailures.describe(e, granted));
            }
            found.addAll(outcome.papers());
            statuses.add(new SourceStatus(
                    source,
                    outcome.answered(),
                    outcome.detail(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis()));
            return outcome;
        }

        private void markFellBack() {
            if (!statuses.isEmpty()) {
                SourceStatus last = statuses.remove(statuses.size() - 1);
                statuses.add(
                        new SourceStatus(last.source(), last.answered(), last.detail() + ", fell back", last.millis()));
            }
        }

        private Duration rankingReserve() {
            Duration tenth = settings.deadline().dividedBy(10);
            return tenth.compareTo(MAX_RANKING_RESERVE) < 0 ? tenth : MAX_RANKING_RESERVE;
        }
    }

    private static final class LocalModel {
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
}
