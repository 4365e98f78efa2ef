package org.mlrcopilot.papers.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

class ArxivApiTest {

    private final MockWebServer server = new MockWebServer();
    private GuardedHttpClient http;
    private ArxivApi api;

    @BeforeEach
    void start() throws IOException {
        server.start();
        http = new GuardedHttpClient(FetchPolicy.defaults()
                .withAllowPrivateAddresses(true)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10)));
        api = new ArxivApi(http, server.url("/api/query").uri());
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        server.shutdown();
    }

    @Test
    void findsAPaperById() throws InterruptedException {
        serve("2408.14033.xml");

        assertThat(api.byId("arXiv:2408.14033v2")).hasValueSatisfying(e -> {
            assertThat(e.id()).isEqualTo("2408.14033");
            assertThat(e.version()).isEqualTo("v2");
        });
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/api/query");
        assertThat(request.getRequestUrl().queryParameter("id_list")).isEqualTo("2408.14033v2");
    }

    @Test
    void findsAnOldStylePaperById() throws InterruptedException {
        serve("hep-th-9711200.xml");

        assertThat(api.byId("hep-th/9711200")).map(ArxivEntry::doi).hasValue("10.1023/A:1026654312961");
        assertThat(server.takeRequest().getRequestUrl().queryParameter("id_list"))
                .isEqualTo("hep-th/9711200");
    }

    @Test
    void anUnknownIdGivesNothing() {
        serve("unknown-id.xml");
        serve("error.xml");

        assertThat(api.byId("2499.99999")).isEmpty();
        assertThat(api.byId("1234.12345")).isEmpty();
    }

    @Test
    void aMalformedIdIsRefusedWithoutARequest() {
        assertThatThrownBy(() -> api.byId("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void searchesByRelevance() throws InterruptedException {
        serve("search.xml");

        List<ArxivEntry> found =
                api.search("Autonomous research agents for machine learning", 5, Duration.ofSeconds(5));

        assertThat(found).hasSize(5).first().extracting(ArxivEntry::id).isEqualTo("2408.06292");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestUrl().queryParameter("search_query"))
                .isEqualTo("all:autonomous OR all:research OR all:agents OR all:machine OR all:learning");
        assertThat(request.getRequestUrl().queryParameter("sortBy")).isEqualTo("relevance");
        assertThat(request.getRequestUrl().queryParameter("max_results")).isEqualTo("5");
    }

    @Test
    void aFieldedQueryIsSentAsItIsAndAnEmptyOneNotAtAll() throws InterruptedException {
        serve("search.xml");

        api.search("ti:copilot AND cat:cs.AI", 10, Duration.ofSeconds(5));

        assertThat(server.takeRequest().getRequestUrl().queryParameter("search_query"))
                .isEqualTo("ti:copilot AND cat:cs.AI");
        assertThat(api.search(" of the ", 10, Duration.ofSeconds(5))).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private void serve(String feed) {
        server.enqueue(new MockResponse()
                .setHeader("Content-Type", "application/atom+xml; charset=UTF-8")
                .setBody(AtomFeedTest.feed(feed)));
    }
}
