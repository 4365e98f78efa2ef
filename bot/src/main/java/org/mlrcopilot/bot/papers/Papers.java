package org.mlrcopilot.bot.papers;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperCache;
import org.mlrcopilot.config.FetchConfig;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.config.PapersConfig;
import org.mlrcopilot.papers.arxiv.ArxivApi;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.papers.literature.LiteratureSettings;
import org.mlrcopilot.papers.literature.RelatedWorkFinder;
import org.mlrcopilot.papers.pdf.PdfPaperReader;
import org.mlrcopilot.papers.reader.PaperReader;
import org.mlrcopilot.papers.reader.PaperSources;

/** Paper reading and related-work search, wired from the configuration. */
public final class Papers implements AutoCloseable {

    private final GuardedHttpClient http;
    private final PaperReader reader;
    private final Supplier<RelatedWorkFinder> related;

    private Papers(GuardedHttpClient http, PaperReader reader, Supplier<RelatedWorkFinder> related) {
        this.http = http;
        this.reader = reader;
        this.related = related;
    }

    /** With the given cache of papers already read (the service's store). */
    public static Papers create(MlrConfig config, PaperCache cache) {
        GuardedHttpClient http = new GuardedHttpClient(policy(config.fetch()));
        PapersConfig p = config.papers();
        ArxivApi arxiv = new ArxivApi(http, URI.create(p.arxivApiUrl()));
        java.nio.file.Path uploads = config.store().dataDir().resolve("posted-papers");
        PaperReader reader = new PaperReader(
                http,
                arxiv,
                new PdfPaperReader(),
                cache,
                new PaperSources(
                        URI.create(p.arxivUrl()),
                        URI.create(p.openReviewUrl()),
                        URI.create(p.aclAnthologyUrl()),
                        URI.create(p.doiResolverUrl())),
                sha256 -> posted(uploads.resolve(sha256 + ".pdf")));
        LiteratureSettings settings = new LiteratureSettings(
                URI.create(p.semanticScholarUrl()),
                URI.create(p.openAlexUrl()),
                URI.create(p.arxivApiUrl()),
                config.research().semanticScholarApiKey().reveal(),
                p.recentYears(),
                p.relatedWorkCount(),
                p.relatedWorkDeadline(),
                p.contactEmail());
        return new Papers(
                http,
                reader,
                () -> new RelatedWorkFinder(http, settings, RelatedWorkFinder.localEmbeddings(), Clock.systemUTC()));
    }

    private static java.util.Optional<byte[]> posted(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.isRegularFile(file)
                    ? java.util.Optional.of(java.nio.file.Files.readAllBytes(file))
                    : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the posted paper " + file, e);
        }
    }

    public static FetchPolicy policy(FetchConfig fetch) {
        return FetchPolicy.defaults()
                .withAllowPrivateAddresses(fetch.allowPrivateAddresses())
                .withMaxBytes(fetch.maxBytes())
                .withTimeouts(fetch.connectTimeout(), fetch.readTimeout(), fetch.callTimeout());
    }

    public Paper read(String link) {
        return reader.read(link);
    }

    public RelatedWork related(Paper paper) {
        return related(new LiteratureQuery(
                paper.title(),
                paper.abstractText(),
                List.of(),
                paper.ids().arxivId(),
                paper.ids().doi()));
    }

    public RelatedWork related(LiteratureQuery query) {
        return related.get().find(query);
    }

    @Override
    public void close() {
        http.close();
    }
}
