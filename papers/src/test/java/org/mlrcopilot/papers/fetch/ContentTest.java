package org.mlrcopilot.papers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlrcopilot.agents.fetch.FetchException;

class ContentTest {

    private static final String PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n";

    private final MockWebServer server = LocalServer.start();
    private final GuardedHttpClient client = new GuardedHttpClient(LocalServer.policy());

    @AfterEach
    void tearDown() {
        client.close();
        LocalServer.close(server);
    }

    @Test
    void htmlServedWhereAPdfIsExpectedIsWrongContent() {
        server.enqueue(new MockResponse()
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .setBody("<html><body>Sign in</body></html>"));

        assertThatThrownBy(() -> client.get(FetchRequest.get(url()).expect(Expect.PDF)))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.WRONG_CONTENT);
                    assertThat(e.getMessage()).isEqualTo("the link did not return a PDF (got text/html)");
                });
    }

    @Test
    void aRealPdfPasses() {
        server.enqueue(
                new MockResponse().setHeader("Content-Type", "application/pdf").setBody(PDF));

        Fetched fetched = client.get(FetchRequest.get(url()).expect(Expect.PDF));

        assertThat(fetched.contentType()).isEqualTo("application/pdf");
        assertThat(new String(fetched.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.headers()).containsKey("content-type");
    }

    @Test
    void aPdfTypeWithoutPdfBytesIsWrongContent() {
        server.enqueue(
                new MockResponse().setHeader("Content-Type", "application/pdf").setBody("<html>captcha</html>"));

        assertThatThrownBy(() -> client.get(FetchRequest.get(url()).expect(Expect.PDF)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.getMessage()).contains("does not start with %PDF-"));
    }

    @Test
    void aPdfServedWhereHtmlIsExpectedIsWrongContent() {
        server.enqueue(new MockResponse().setBody(PDF));

        assertThatThrownBy(() -> client.get(FetchRequest.get(url()).expect(Expect.HTML)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.WRONG_CONTENT));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PDF  | application/octet-stream      | %PDF-1.4",
                "PDF  | application/x-pdf             | '  %PDF-1.4'",
                "PDF  | ''                            | \uFEFF%PDF-1.4",
                "HTML | text/html; charset=iso-8859-1 | <!doctype html><p>hi",
                "HTML | application/xhtml+xml         | <html/>",
                "XML  | application/atom+xml          | <feed/>",
                "XML  | text/xml                      | <a/>",
                "XML  | text/plain                    | <?xml version='1.0'?><feed/>",
                "XML  | application/rss+xml           | <rss/>",
                "JSON | application/json              | {}",
                "JSON | application/vnd.api+json      | x",
                "JSON | text/plain                    | '  [1, 2]'",
                "ANY  | image/png                     | anything"
            })
    void acceptedContent(Expect expect, String type, String body) {
        assertThatCode(() -> ContentCheck.verify(expect, type, body.getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PDF  | text/html            | %PDF-1.4         | a PDF (got text/html)",
                "PDF  | application/pdf      | ''               | a PDF",
                "HTML | application/json     | <html/>          | a web page (got application/json)",
                "HTML | ''                   | %PDF-1.4         | a web page",
                "XML  | text/html            | <html/>          | an XML feed (got text/html)",
                "JSON | text/html            | <html/>          | JSON (got text/html)"
            })
    void refusedContent(Expect expect, String type, String body, String message) {
        assertThatThrownBy(() -> ContentCheck.verify(expect, type, body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.WRONG_CONTENT);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void textIsDecodedWithTheDeclaredCharset() {
        server.enqueue(new MockResponse()
                .setHeader("Content-Type", "text/html; charset=ISO-8859-1")
                .setBody(new Buffer().write("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))));

        assertThat(client.get(FetchRequest.get(url()).expect(Expect.HTML)).text())
                .isEqualTo("caf\u00e9");
    }

    private String url() {
        return server.url("/paper").toString();
    }
}
