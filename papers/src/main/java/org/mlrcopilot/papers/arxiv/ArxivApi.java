package org.mlrcopilot.papers.arxiv;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlrcopilot.papers.fetch.Expect;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/**
 * The arXiv API (https://info.arxiv.org/help/api/user-manual.html): one paper by id, or a relevance search.
 * Failures to reach arXiv, and unreadable feeds, surface as {@link org.mlrcopilot.agents.fetch.FetchException}.
 */
public final class ArxivApi {

    public static final URI DEFAULT_URL = URI.create("http://export.arxiv.org/api/query");
    private static final Pattern ID_INPUT =
            Pattern.compile("(?i:arxiv:)?\\s*(?<id>" + ArxivEntry.ID.pattern() + ")(?<version>v\\d+)?");
    private static final int MAX_RESULTS = 200;

    private final GuardedHttpClient http;
    private final URI apiUrl;

    public ArxivApi(GuardedHttpClient http) {
        this(http, DEFAULT_URL);
    }

    public ArxivApi(GuardedHttpClient http, URI apiUrl) {
        this.http = Objects.requireNonNull(http, "http");
        this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
    }

    /**
     * The paper with this id ("2408.14033", "arXiv:2408.14033v2", "hep-th/9901001"), in the version asked for,
     * else the latest; empty when arXiv does not know it.
     *
     * @throws IllegalArgumentException when the id is not an arXiv identifier
     */
    public Optional<ArxivEntry> byId(String id) {
        Matcher m = ID_INPUT.matcher(Objects.requireNonNull(id, "id").strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an arXiv identifier: " + id);
        }
        String wanted = m.group("id") + Objects.requireNonNullElse(m.group("version"), "");
        return fetch("id_list=" + encode(wanted), null).stream()
                .filter(e -> e.id().equals(m.group("id")))
                .findFirst();
    }

    /**
     * Up to {@code max} papers for the query, by relevance. Free text is searched word by word in all fields;
     * a query using arXiv field prefixes ({@code ti:}, {@code abs:}, {@code all:}, ...) is sent as it is.
     */
    public List<ArxivEntry> search(String query, int max, Duration deadline) {
        String searchQuery = SearchQuery.of(Objects.requireNonNull(query, "query"));
        if (searchQuery.isEmpty() || max < 1) {
            return List.of();
        }
        return fetch(
                "search_query=" + encode(searchQuery) + "&sortBy=relevance&sortOrder=descending&start=0"
                        + "&max_results=" + Math.min(max, MAX_RESULTS),
                deadline);
    }

    private List<ArxivEntry> fetch(String parameters, Duration deadline) {
        String base = apiUrl.toString();
        FetchRequest request = FetchRequest.get(URI.create(base + (base.contains("?") ? "&" : "?") + parameters))
                .expect(Expect.XML);
        if (deadline != null) {
            request = request.deadline(deadline);
        }
        return AtomFeed.parse(http.get(request).text());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
