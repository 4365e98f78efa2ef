package org.mlrcopilot.papers.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeadersTest {

    private final MockWebServer server = LocalServer.start();
    private final GuardedHttpClient client = new GuardedHttpClient(LocalServer.policy());

    @AfterEach
    void tearDown() {
        client.close();
        LocalServer.close(server);
    }

    @Test
    void aDescriptiveUserAgentIsSentAndCustomHeadersPassThrough() throws InterruptedException {
        server.enqueue(new MockResponse().setBody("{}"));

        client.get(FetchRequest.get(server.url("/s").toString())
                .header("x-api-key", "k-123")
                .expect(Expect.JSON));

        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getHeader("User-Agent")).isEqualTo("mlr-copilot-bot/0.1 (+https://github.com/mlr-copilot)");
        assertThat(recorded.getHeader("x-api-key")).isEqualTo("k-123");
        assertThat(recorded.getHeader("Accept")).isEqualTo("application/json");
        assertThat(recorded.getMethod()).isEqualTo("GET");
    }

    @Test
    void aUserAgentSetByTheCallerWins() throws InterruptedException {
        server.enqueue(new MockResponse().setBody("ok"));

        client.get(FetchRequest.get(server.url("/s").toString())
                .header("user-agent", "custom/1")
                .header("Accept", "*/*")
                .expect(Expect.PDF)
                .expect(Expect.ANY));

        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getHeaders().values("User-Agent")).containsExactly("custom/1");
        assertThat(recorded.getHeaders().values("Accept")).containsExactly("*/*");
    }

    @Test
    void loggedUrlsCarryNoCredentialsOrQueries() {
        assertThat(GuardedHttpClient.loggable(URI.create("https://user:pw@api.example.org:8443/p/q?api_key=SECRET#f")))
                .isEqualTo("https://api.example.org:8443/p/q?…");
        assertThat(GuardedHttpClient.loggable(URI.create("http://arxiv.org/abs/1706.03762")))
                .isEqualTo("http://arxiv.org/abs/1706.03762");
        assertThat(GuardedHttpClient.loggable(URI.create("data:text/plain,SECRET")))
                .isEqualTo("data:…");
    }

    @Test
    void credentialsAreNotSentToTheHostARedirectNames() throws InterruptedException {
        MockWebServer elsewhere = LocalServer.start();
        try {
            server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere.url("/moved")));
            elsewhere.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", server.url("/back")));
            server.enqueue(new MockResponse().setBody("{}"));

            client.get(FetchRequest.get(server.url("/s").toString())
                    .header("x-api-key", "k-123")
                    .header("Authorization", "Bearer hf_secret")
                    .header("Accept-Language", "en")
                    .expect(Expect.JSON));

            assertThat(server.takeRequest().getHeader("x-api-key")).isEqualTo("k-123");
            RecordedRequest moved = elsewhere.takeRequest();
            assertThat(moved.getPath()).isEqualTo("/moved");
            assertThat(moved.getHeader("x-api-key")).as("another origin").isNull();
            assertThat(moved.getHeader("Authorization")).isNull();
            assertThat(moved.getHeader("Accept-Language"))
                    .as("other headers pass")
                    .isEqualTo("en");
            RecordedRequest back = server.takeRequest();
            assertThat(back.getPath()).isEqualTo("/back");
            assertThat(back.getHeader("Authorization"))
                    .as("the origin they were given for")
                    .isEqualTo("Bearer hf_secret");
        } finally {
            LocalServer.close(elsewhere);
        }
    }
}
