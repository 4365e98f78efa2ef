package org.mlrcopilot.papers.reader;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.agents.paper.ContentHash;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperCache;
import org.mlrcopilot.agents.paper.PaperIds;
import org.mlrcopilot.agents.paper.PaperNotFoundException;
import org.mlrcopilot.agents.paper.link.PaperLink;
import org.mlrcopilot.papers.fetch.Expect;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.Fetched;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.papers.html.HtmlPaper;
import org.mlrcopilot.papers.html.LandingPage;
import org.mlrcopilot.papers.html.PaperHtml;
import org.mlrcopilot.papers.pdf.PdfPaper;
import org.mlrcopilot.papers.pdf.PdfPaperReader;

/** Fetches one document (PDF, arXiv HTML or landing page) and turns it into a paper. */
final class DocumentReader {

    private final GuardedHttpClient http;
    private final PdfPaperReader pdf;
    private final PaperCache cache;

    DocumentReader(GuardedHttpClient http, PdfPaperReader pdf, PaperCache cache) {
        this.http = http;
        this.pdf = pdf;
        this.cache = cache;
    }

    /** arXiv's HTML rendering, or empty when the paper has none (many older ones). */
    Optional<Paper> arxivHtml(URI uri, Metadata meta) {
        Fetched page;
        try {
            page = http.get(FetchRequest.get(uri).expect(Expect.HTML));
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.BLOCKED_ADDRESS) {
                throw e;
            }
            return Optional.empty();
        }
        return PaperHtml.arxivFullText(page.text(), page.finalUri())
                .map(html -> fromHtml(html, meta, page, ContentHash.of(page.body())));
    }

    Paper pdf(URI uri, Metadata meta) {
        Fetched doc = http.get(FetchRequest.get(uri).expect(Expect.PDF));
        return fromPdf(doc, meta);
    }

    /** A link of unknown kind: a PDF, a LaTeXML page, or a landing page pointing at the PDF. */
    Paper any(URI uri, PaperIds ids) {
        Fetched doc = http.get(FetchRequest.get(uri));
        if (startsWith(doc.body(), "%PDF-")) {
            return fromPdf(doc, Metadata.none(ids));
        }
        if (!looksLikeHtml(doc)) {
            throw new PaperNotFoundException("the link returned " + describe(doc) + ", not a PDF or a paper's page");
        }
        String html = doc.text();
        Optional<HtmlPaper> full = PaperHtml.arxivFullText(html, doc.finalUri());
        if (full.isPresent()) {
            return fromHtml(full.get(), Metadata.none(ids), doc, ContentHash.of(doc.body()));
        }
        return fromLanding(PaperHtml.landingPage(html, doc.finalUri()), ids, doc);
    }

    private Paper fromLanding(LandingPage page, PaperIds ids, Fetched doc) {
        Metadata meta = Metadata.of(page, ids);
        if (page.pdfUrl().isPresent()) {
            return pdf(URI.create(page.pdfUrl().get()), meta);
        }
        if (!page.hasMetadata()) {
            throw new PaperNotFoundException("no paper found at " + doc.finalUri()
                    + ": the page has no citation metadata (citation_title) and no PDF link");
        }
        return new Paper(
                meta.ids(),
                meta.title(),
                meta.authors(),
                meta.abstractText(),
                List.of(),
                List.of(),
                List.of(),
                "landing-page",
                doc.finalUri().toString(),
                ContentHash.of(doc.body()));
    }

    private Paper fromPdf(Fetched doc, Metadata meta) {
        return fromPdf(doc.body(), meta, doc.finalUri().toString(), "pdf", "the PDF at " + doc.finalUri());
    }

    /** A PDF a person posted: checked to be a PDF, read like a fetched one, its source the file's name. */
    Paper uploaded(byte[] bytes, PaperLink.Upload upload) {
        if (!startsWith(bytes, "%PDF-")) {
            throw new PaperNotFoundException("the file " + upload.name() + " is not a PDF");
        }
        return fromPdf(bytes, Metadata.none(PaperIds.none()), upload.original(), "upload", "the file " + upload.name());
    }

    private Paper fromPdf(byte[] body, Metadata meta, String url, String source, String what) {
        String hash = ContentHash.of(body);
        Optional<Paper> known = cache.byContentHash(hash);
        if (known.isPresent()) {
            Paper p = known.get();
            return new Paper(
                    meta.ids().merge(p.ids()),
                    meta.titleOr(p.title()),
                    meta.authorsOr(p.authors()),
                    meta.abstractOr(p.abstractText()),
                    p.sections(),
                    p.references(),
                    p.links(),
                    p.source(),
                    url,
                    hash);
        }
        PdfPaper text = pdf.read(body);
        String title = meta.titleOr(text.title());
        if (title.isBlank()) {
            throw new PaperNotFoundException(what + " has no recognisable title");
        }
        return new Paper(
                meta.ids(),
                title,
                meta.authorsOr(text.authors()),
                meta.abstractOr(text.abstractText()),
                text.sections(),
                text.references(),
                text.links(),
                source,
                url,
                hash);
    }

    private static Paper fromHtml(HtmlPaper html, Metadata meta, Fetched page, String hash) {
        return new Paper(
                meta.ids(),
                meta.titleOr(html.title()),
                meta.authorsOr(html.authors()),
                meta.abstractOr(html.abstractText()),
                html.sections(),
                html.references(),
                html.links(),
                "arxiv-html",
                page.finalUri().toString(),
                hash);
    }

    private static boolean looksLikeHtml(Fetched doc) {
        String type = doc.contentType().toLowerCase();
        if (type.contains("html")) {
            return true;
        }
        String head = new String(doc.body(), 0, Math.min(512, doc.body().length), StandardCharsets.UTF_8)
                .strip()
                .toLowerCase();
        return type.isEmpty() && (head.startsWith("<!doctype html") || head.startsWith("<html"));
    }

    private static String describe(Fetched doc) {
        return doc.contentType().isBlank()
                ? "an unknown kind of file"
                : doc.contentType().split(";")[0];
    }

    private static boolean startsWith(byte[] body, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        if (body.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (body[i] != m[i]) {
                return false;
            }
        }
        return true;
    }
}
