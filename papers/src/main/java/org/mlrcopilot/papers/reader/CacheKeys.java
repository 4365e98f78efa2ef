package org.mlrcopilot.papers.reader;

import org.mlrcopilot.agents.paper.link.PaperLink;

/** The cache key of a link: its identifier where it has one, else its URL. */
final class CacheKeys {

    private CacheKeys() {}

    static String of(PaperLink link) {
        if (link instanceof PaperLink.Arxiv a) {
            return "arxiv:" + a.id() + a.version();
        }
        if (link instanceof PaperLink.OpenReview o) {
            return "openreview:" + o.id();
        }
        if (link instanceof PaperLink.AclAnthology acl) {
            return "acl:" + acl.id();
        }
        if (link instanceof PaperLink.Upload u) {
            return "sha256:" + u.sha256();
        }
        if (link instanceof PaperLink.Doi d) {
            return "doi:" + d.doi().toLowerCase(java.util.Locale.ROOT);
        }
        return "url:" + ((PaperLink.Web) link).uri();
    }
}
