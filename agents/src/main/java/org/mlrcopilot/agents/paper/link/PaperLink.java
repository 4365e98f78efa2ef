package org.mlrcopilot.agents.paper.link;

import java.net.URI;
import java.util.Objects;

/** What a pasted link points to, independent of the host that serves it. */
public sealed interface PaperLink {

    /** The link as the user gave it, for messages. */
    String original();

    /**
     * Whether the link is plainly a paper (arXiv, OpenReview, ACL Anthology, a DOI, a posted PDF; on the web a PDF
     * or a page of a known paper site), so that posting it in a watched channel starts a research unasked.
     */
    default boolean plainlyPaper() {
        return true;
    }

    /** arXiv: new-style (2408.14033) or old-style (hep-th/9901001) id, version "v2" or "". */
    record Arxiv(String original, String id, String version) implements PaperLink {
        public Arxiv {
            Objects.requireNonNull(id, "id");
            version = Objects.requireNonNullElse(version, "");
        }
    }

    /** OpenReview forum or PDF, by note id. */
    record OpenReview(String original, String id) implements PaperLink {}

    /** ACL Anthology paper, by anthology id (2020.acl-main.207, N18-3011). */
    record AclAnthology(String original, String id) implements PaperLink {}

    /** A DOI (10.xxxx/...), from doi.org links or "doi:" text. */
    record Doi(String original, String doi) implements PaperLink {}

    /**
     * A PDF a person posted as a file, kept by its SHA-256: {@code upload:<sha256>/<file name>}.
     *
     * @param name the file's name as posted, shown as the research's source
     */
    record Upload(String original, String sha256, String name) implements PaperLink {
        public Upload {
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("an upload is named by its SHA-256, got " + sha256);
            }
            name = Objects.requireNonNullElse(name, "paper.pdf");
        }

        public static String link(String sha256, String name) {
            return "upload:" + sha256 + "/" + name;
        }
    }

    /** Any other http(s) link: a PDF or a landing page; which one is known after fetching. */
    record Web(String original, URI uri) implements PaperLink {

        /** Hosts whose pages are papers (a landing page elsewhere may be anything: a repository, a video). */
        private static final java.util.regex.Pattern PAPER_HOSTS = java.util.regex.Pattern.compile(
                "(?i)(^|\\.)(semanticscholar\\.org|openalex\\.org|proceedings\\.neurips\\.cc|papers\\.nips\\.cc|"
                        + "proceedings\\.mlr\\.press|jmlr\\.org|openaccess\\.thecvf\\.com|dl\\.acm\\.org|"
                        + "ieeexplore\\.ieee\\.org|biorxiv\\.org|medrxiv\\.org|nature\\.com|science\\.org|springer\\.com|"
                        + "sciencedirect\\.com|aaai\\.org|ijcai\\.org|huggingface\\.co|paperswithcode\\.com|"
                        + "researchgate\\.net|ssrn\\.com)$");

        /** A PDF, or a page of a known paper site (on the Hugging Face Hub only its paper pages). */
        @Override
        public boolean plainlyPaper() {
            String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(java.util.Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost();
            return path.endsWith(".pdf")
                    || PAPER_HOSTS.matcher(host).find()
                            && !(host.endsWith("huggingface.co") && !path.startsWith("/papers/"));
        }
    }
}
