package org.mlrcopilot.agents.paper.link;

import java.net.URI;
import java.util.Objects;

/** What a pasted link points to, independent of the host that serves it. */
public sealed interface PaperLink {

    /** The link as the user gave it, for messages. */
    String original();

    /** arXiv: new-style (2408.14033) or old-style (hep-th/9901001) id, version "v2" or "". */
    record Arxiv(String original, String id, String version) implements PaperLink {
        public Arxiv {
            Objects.requireNonNull(id, "id");
            version = Objects.requireNonNullElse(version, "");
        }
    }

    /** OpenReview forum or PDF, by note id. */
    record OpenReview(String original, String id) implements PaperLink {
    }

    /** ACL Anthology paper, by anthology id (2020.acl-main.207, N18-3011). */
    record AclAnthology(String original, String id) implements PaperLink {
    }

    /** A DOI (10.xxxx/...), from doi.org links or "doi:" text. */
    record Doi(String original, String doi) implements PaperLink {
    }

    /** Any other http(s) link: a PDF or a landing page; which one is known after fetching. */
    record Web(String original, URI uri) implements PaperLink {
    }
}
