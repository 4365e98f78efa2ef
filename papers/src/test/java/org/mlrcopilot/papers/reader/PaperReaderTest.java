package org.mlrcopilot.papers.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperNotFoundException;
import org.mlrcopilot.agents.paper.Section;
import org.mlrcopilot.agents.paper.link.UnsupportedLinkException;
import org.mlrcopilot.papers.arxiv.ArxivApi;
import org.mlrcopilot.papers.cache.FilePaperCache;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.papers.pdf.PdfException;
import org.mlrcopilot.papers.pdf.PdfPaperReader;

/** Links of every kind, read through fake arXiv / ACL / doi.org / web servers on this machine. */
class PaperReaderTest {

    private static final String ATOM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"
                  xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
              <title type="html">ArXiv Query: id_list=%1$s</title>
              <opensearch:totalResults>1</opensearch:totalResults>
              <entry>
                <id>http://arxiv.org/abs/%1$sv2</id>
                <updated>2024-09-01T00:00:00Z</updated>
                <published>2024-08-26T00:00:00Z</published>
                <title>MLR-Copilot: Autonomous Machine Learning Research based on Large
                  Language Models Agents</title>
                <summary>  Machine learning research, crucial for technological advancements and innovation,
                often faces significant challenges due to its inherent complexity.</summary>
                <author><name>Ruochen Li</name></author>
                <author><name>Teerth Patel</name></author>
                <arxiv:primary_category term="cs.AI" scheme="http://arxiv.org/schemas/atom"/>
                <category term="cs.AI" scheme="http://arxiv.org/schemas/atom"/>
                <link href="http://arxiv.org/abs/%1$sv2" rel="alternate" type="text/html"/>
                <link title="pdf" href="http://arxiv.org/pdf/%1$sv2" rel="related" type="application/pdf"/>
              </entry>
            </feed>
            """;
    private static final String EMPTY_ATOM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title></feed>
            """;

    @TempDir
    Path cacheDir;

    private FakePaperSite site;
    private GuardedHttpClient http;

    @BeforeEach
    void start() throws IOException {
        site = new FakePaperSite();
        http = new GuardedHttpClient(FetchPolicy.defaults()
                .withAllowPrivateAddresses(true)
                .withMinIntervals(java.util.Map.of(), java.time.Duration.ZERO));
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        site.close();
    }

    private PaperReader reader() {
        URI base = site.base();
        return new PaperReader(
                http,
                new ArxivApi(http, URI.create(base + "/api/query")),
                new PdfPaperReader(),
                new FilePaperCache(cacheDir),
                new PaperSources(base, base, base, base));
    }

    private static byte[] pdf(String name) throws IOException {
        return FakePaperSite.resource("/papers/" + name);
    }

    private static byte[] html(String name) throws IOException {
        return FakePaperSite.resource("/paper/" + name);
    }

    @Test
    void aPostedPdfIsReadFromItsKeptBytesAndCachedByItsSha256() throws IOException {
        byte[] bytes = pdf("2020.acl-main.207.pdf");
        String sha = org.mlrcopilot.agents.paper.ContentHash.of(bytes);
        java.util.List<String> asked = new java.util.ArrayList<>();
        PaperReader.Uploads uploads = s -> {
            asked.add(s);
            return s.equals(sha) ? java.util.Optional.of(bytes) : java.util.Optional.empty();
        };
        URI base = site.base();
        java.util.function.Supplier<PaperReader> reader = () -> new PaperReader(
                http,
                new ArxivApi(http, URI.create(base + "/api/query")),
                new PdfPaperReader(),
                new FilePaperCache(cacheDir),
                new PaperSources(base, base, base, base),
                uploads);
        String link = org.mlrcopilot.agents.paper.link.PaperLink.Upload.link(sha, "specter.pdf");

        Paper paper = reader.get().read(link);
        Paper again = reader.get().read(link);

        assertThat(paper.title()).containsIgnoringCase("SPECTER");
        assertThat(paper.source()).isEqualTo("upload");
        assertThat(paper.contentHash()).isEqualTo(sha);
        assertThat(again).isEqualTo(paper);
        assertThat(asked).as("the second read comes from the cache").containsExactly(sha);
        assertThat(site.requested).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.get()
                        .read(org.mlrcopilot.agents.paper.link.PaperLink.Upload.link("0".repeat(64), "gone.pdf")))
                .hasMessageContaining("gone.pdf is no longer kept");
    }

    @Test
    void arxivUsesAtomMetadataAndTheHtmlFullTextThenTheCache() throws IOException {
        site.serve("/api/query*", "application/atom+xml", ATOM.formatted("2408.14033"))
                .serve("/html/2408.14033v2", "text/html; charset=utf-8", html("arxiv-latexml.html"));

        Paper paper = reader().read("https://arxiv.org/abs/2408.14033v2");

        assertThat(paper.title())
                .isEqualTo("MLR-Copilot: Autonomous Machine Learning Research based on Large Language Models Agents");
        assertThat(paper.authors()).containsExactly("Ruochen Li", "Teerth Patel");
        assertThat(paper.abstractText()).startsWith("Machine learning research, crucial");
        assertThat(paper.source()).isEqualTo("arxiv-html");
        assertThat(paper.ids().arxivId()).isEqualTo("2408.14033");
        assertThat(paper.ids().arxivVersion()).isEqualTo("v2");
        assertThat(paper.sections())
                .extracting(Section::heading)
                .contains("1 Introduction", "2.1 Research Idea Generation");
        assertThat(paper.codeLinks()).containsExactly("https://github.com/du-nlp-lab/MLR-Copilot");
        assertThat(site.requested).noneMatch(p -> p.startsWith("/pdf/"));

        int before = site.requested.size();
        Paper again = new PaperReader(
                        http,
                        new ArxivApi(http, URI.create(site.base() + "/api/query")),
                        new PdfPaperReader(),
                        new FilePaperCache(cacheDir),
                        new PaperSources(site.base(), site.base(), site.base(), site.base()))
                .read("arXiv:2408.14033v2");
        assertThat(again).isEqualTo(paper);
        assertThat(site.requested).hasSize(before);
    }

    @Test
    void arxivWithoutHtmlFallsBackToThePdf() throws IOException {
        site.serve("/api/query*", "application/atom+xml", ATOM.formatted("1804.00001"))
                .serve("/pdf/1804.00001v2", "application/pdf", pdf("N18-3011.pdf"));

        Paper paper = reader().read("1804.00001");

        assertThat(paper.source()).isEqualTo("pdf");
        assertThat(paper.title()).startsWith("MLR-Copilot");
        assertThat(paper.sections()).isNotEmpty();
        assertThat(paper.references()).hasSizeGreaterThan(5);
        assertThat(site.count("/html/1804.00001v2")).isEqualTo(1);
    }

    @Test
    void unknownArxivIdIsAClearAnswer() {
        site.serve("/api/query*", "application/atom+xml", EMPTY_ATOM);

        assertThatThrownBy(() -> reader().read("2401.99999"))
                .isInstanceOf(PaperNotFoundException.class)
                .hasMessageContaining("arXiv has no paper 2401.99999");
    }

    @Test
    void aclAnthologyLandingPageGivesMetadataAndThePdfTheText() throws IOException {
        site.serve("/2020.acl-main.207/", "text/html", html("acl-landing.html"))
                .serve("/2020.acl-main.207.pdf", "application/pdf", pdf("2020.acl-main.207.pdf"));

        Paper paper = reader().read("https://aclanthology.org/2020.acl-main.207/");

        assertThat(paper.title())
                .isEqualTo("SPECTER: Document-level Representation Learning using Citation-informed Transformers");
        assertThat(paper.authors()).startsWith("Cohan, Arman");
        assertThat(paper.ids().doi()).isEqualTo("10.18653/v1/2020.acl-main.207");
        assertThat(paper.ids().aclId()).isEqualTo("2020.acl-main.207");
        assertThat(paper.source()).isEqualTo("pdf");
        assertThat(paper.abstractText()).isNotBlank();
        assertThat(paper.sections()).extracting(Section::heading).anyMatch(h -> h.contains("Introduction"));
    }

    @Test
    void doiFollowsTheResolverRedirectToTheLandingPage() throws IOException {
        site.redirect("/10.18653/v1/2020.acl-main.207", site.base() + "/2020.acl-main.207/")
                .serve("/2020.acl-main.207/", "text/html", html("acl-landing.html"))
                .serve("/2020.acl-main.207.pdf", "application/pdf", pdf("2020.acl-main.207.pdf"));

        Paper paper = reader().read("https://doi.org/10.18653/v1/2020.acl-main.207");

        assertThat(paper.title())
                .isEqualTo("SPECTER: Document-level Representation Learning using Citation-informed Transformers");
        assertThat(paper.ids().doi()).isEqualTo("10.18653/v1/2020.acl-main.207");
    }

    @Test
    void directPdfLinkIsReadFromThePdfAlone() throws IOException {
        site.serve("/files/paper.pdf", "application/pdf", pdf("N18-3011.pdf"));

        Paper paper = reader().read(site.base() + "/files/paper.pdf");

        assertThat(paper.source()).isEqualTo("pdf");
        assertThat(paper.title()).isNotBlank();
        assertThat(paper.abstractText()).isNotBlank();
        assertThat(paper.contentHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void samePdfUnderAnotherLinkComesFromTheCacheByContentHash() throws IOException {
        site.serve("/a.pdf", "application/pdf", pdf("N18-3011.pdf"))
                .serve("/b.pdf", "application/pdf", pdf("N18-3011.pdf"));
        PaperReader reader = reader();

        Paper a = reader.read(site.base() + "/a.pdf");
        Paper b = reader.read(site.base() + "/b.pdf");

        assertThat(b.sections()).isEqualTo(a.sections());
        assertThat(b.url()).endsWith("/b.pdf");
        assertThat(b.contentHash()).isEqualTo(a.contentHash());
    }

    @Test
    void pageWithoutMetadataOrPdfSaysSo() {
        site.serve("/blog", "text/html", "<html><head><title>My blog</title></head><body>Hello</body></html>");

        assertThatThrownBy(() -> reader().read(site.base() + "/blog"))
                .isInstanceOf(PaperNotFoundException.class)
                .hasMessageContaining("no citation metadata");
    }

    @Test
    void pdfLinkThatIsNotAPdfIsRefused() throws IOException {
        site.serve("/2020.acl-main.207/", "text/html", html("acl-landing.html"))
                .serve("/2020.acl-main.207.pdf", "text/html", "<html><body>Sign in to download</body></html>");

        assertThatThrownBy(() -> reader().read("https://aclanthology.org/2020.acl-main.207"))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.WRONG_CONTENT));
    }

    @Test
    void corruptedPdfIsAClearError() throws IOException {
        byte[] real = pdf("N18-3011.pdf");
        site.serve("/broken.pdf", "application/pdf", Arrays.copyOf(real, real.length / 3));

        assertThatThrownBy(() -> reader().read(site.base() + "/broken.pdf")).isInstanceOf(PdfException.class);
    }

    @Test
    void imageIsNotAPaper() {
        site.serve("/cat.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});

        assertThatThrownBy(() -> reader().read(site.base() + "/cat.png"))
                .isInstanceOf(PaperNotFoundException.class)
                .hasMessageContaining("image/png");
    }

    @Test
    void unsupportedLinksNeverReachTheNetwork() {
        assertThatThrownBy(() -> reader().read("file:///etc/passwd")).isInstanceOf(UnsupportedLinkException.class);
        assertThat(site.requested).isEmpty();
    }

    @Test
    void privateAddressesAreRefusedByDefault() throws IOException {
        site.serve("/files/paper.pdf", "application/pdf", pdf("N18-3011.pdf"));
        try (GuardedHttpClient strict = new GuardedHttpClient(FetchPolicy.defaults())) {
            PaperReader reader = new PaperReader(
                    strict,
                    new ArxivApi(strict, URI.create(site.base() + "/api/query")),
                    new PdfPaperReader(),
                    new FilePaperCache(cacheDir),
                    PaperSources.defaults());

            assertThatThrownBy(() -> reader.read(site.base() + "/files/paper.pdf"))
                    .isInstanceOf(FetchException.class)
                    .satisfies(e ->
                            assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
        }
        assertThat(site.requested).isEmpty();
    }
}
