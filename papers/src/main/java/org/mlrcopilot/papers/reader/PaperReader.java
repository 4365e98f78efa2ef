package org.mlrcopilot.papers.reader;

import java.net.URI;
import java.util.Optional;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperCache;
import org.mlrcopilot.agents.paper.PaperIds;
import org.mlrcopilot.agents.paper.PaperNotFoundException;
import org.mlrcopilot.agents.paper.link.PaperLink;
import org.mlrcopilot.agents.paper.link.PaperLinks;
import org.mlrcopilot.papers.arxiv.ArxivApi;
import org.mlrcopilot.papers.arxiv.ArxivEntry;
import org.mlrcopilot.papers.fetch.Expect;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.Fetched;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.papers.html.LandingPage;
import org.mlrcopilot.papers.html.PaperHtml;
import org.mlrcopilot.papers.pdf.PdfPaperReader;

/**
 * Turns a pasted link into a {@link Paper}: arXiv (Atom metadata, then the HTML full text, else
 * the PDF), OpenReview, ACL Anthology, DOIs, PDFs and landing pages with citation metadata. Every
 * fetch goes through the guarded client; a paper already read comes from the cache.
 */
public final class PaperReader {

    private final GuardedHttpClient http;
    private final ArxivApi arxiv;
    private final PaperCache cache;
    private final PaperSources sources;
    private final DocumentReader documents;
    private final Uploads uploads;

    /** The bytes of PDFs people posted as files. */
    @FunctionalInterface
    public interface Uploads {
        Optional<byte[]> bytes(String sha256);
    }

    public PaperReader(
            GuardedHttpClient http, ArxivApi arxiv, PdfPaperReader pdf, PaperCache cache, PaperSources sources) {
        this(http, arxiv, pdf, cache, sources, sha256 -> Optional.empty());
    }

    /** With the PDFs people posted as files, by SHA-256. */
    public PaperReader(
            GuardedHttpClient http,
            ArxivApi arxiv,
            PdfPaperReader pdf,
            PaperCache cache,
            PaperSources sources,
            Uploads uploads) {
        this.uploads = uploads;
        this.http = http;
        this.arxiv = arxiv;
        this.cache = cache;
        this.sources = sources;
        this.documents = new DocumentReader(http, pdf, cache);
    }

    /** Reads the paper behind {@code link}; exceptions carry messages fit for the person who pasted it. */
    public Paper read(String link) {
        PaperLink parsed = PaperLinks.parse(link);
        String key = CacheKeys.of(parsed);
        Optional<Paper> cached = cache.byKey(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Paper paper = resolve(parsed);
        cache.put(key, paper);
        return paper;
    }

    private Paper resolve(PaperLink link) {
        if (link instanceof PaperLink.Arxiv a) {
            return arxiv(a);
        }
        if (link instanceof PaperLink.OpenReview o) {
            return landingThenPdf(
                    sources.at(sources.openReview(), "/forum?id=" + o.id()),
                    sources.at(sources.openReview(), "/pdf?id=" + o.id()),
                    new PaperIds("", "", "", o.id(), ""));
        }
        if (link instanceof PaperLink.AclAnthology acl) {
            return landingThenPdf(
                    sources.at(sources.aclAnthology(), "/" + acl.id() + "/"),
                    sources.at(sources.aclAnthology(), "/" + acl.id() + ".pdf"),
                    new PaperIds("", "", "", "", acl.id()));
        }
        if (link instanceof PaperLink.Upload u) {
            byte[] bytes = uploads.bytes(u.sha256())
                    .orElseThrow(() -> new PaperNotFoundException(
                            "the posted file " + u.name() + " is no longer kept; post it again"));
            return documents.uploaded(bytes, u);
        }
        if (link instanceof PaperLink.Doi d) {
            return documents.any(
                    sources.at(sources.doiResolver(), "/" + d.doi()),
                    PaperIds.none().withDoi(d.doi()));
        }
        PaperLink.Web web = (PaperLink.Web) link;
        return documents.any(web.uri(), PaperIds.none());
    }

    private Paper arxiv(PaperLink.Arxiv link) {
        ArxivEntry entry = arxiv.byId(link.id() + link.version())
                .orElseThrow(() -> new PaperNotFoundException(
                        "arXiv has no paper " + link.id() + link.version() + "; check the id"));
        String version = link.version().isEmpty() ? entry.version() : link.version();
        PaperIds ids = new PaperIds(entry.id(), version, entry.doi(), "", "");
        Metadata meta = new Metadata(entry.title(), entry.authors(), entry.summary(), ids);
        Optional<Paper> html = documents.arxivHtml(sources.at(sources.arxiv(), "/html/" + entry.id() + version), meta);
        return html.orElseGet(() -> documents.pdf(sources.at(sources.arxiv(), "/pdf/" + entry.id() + version), meta));
    }

    /** Metadata from the landing page when it answers, full text from the PDF. */
    private Paper landingThenPdf(URI landing, URI pdf, PaperIds ids) {
        Metadata meta = Metadata.none(ids);
        try {
            Fetched page = http.get(FetchRequest.get(landing).expect(Expect.HTML));
            LandingPage lp = PaperHtml.landingPage(page.text(), page.finalUri());
            if (lp.hasMetadata()) {
                meta = Metadata.of(lp, ids);
            }
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.BLOCKED_ADDRESS) {
                throw e;
            }
        }
        return documents.pdf(pdf, meta);
    }
}
