package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.PAPERS_ACL_ANTHOLOGY_URL;
import static org.mlrcopilot.config.Key.PAPERS_ARXIV_API_URL;
import static org.mlrcopilot.config.Key.PAPERS_ARXIV_URL;
import static org.mlrcopilot.config.Key.PAPERS_CONTACT_EMAIL;
import static org.mlrcopilot.config.Key.PAPERS_DOI_RESOLVER_URL;
import static org.mlrcopilot.config.Key.PAPERS_HUGGING_FACE_URL;
import static org.mlrcopilot.config.Key.PAPERS_OPEN_ALEX_URL;
import static org.mlrcopilot.config.Key.PAPERS_OPEN_REVIEW_URL;
import static org.mlrcopilot.config.Key.PAPERS_RECENT_YEARS;
import static org.mlrcopilot.config.Key.PAPERS_RELATED_WORK_COUNT;
import static org.mlrcopilot.config.Key.PAPERS_RELATED_WORK_DEADLINE;
import static org.mlrcopilot.config.Key.PAPERS_SEMANTIC_SCHOLAR_URL;

import java.time.Duration;

/** Where papers and related work come from, and how much related work to gather. */
public record PapersConfig(
        String arxivUrl,
        String arxivApiUrl,
        String openReviewUrl,
        String aclAnthologyUrl,
        String doiResolverUrl,
        String semanticScholarUrl,
        String openAlexUrl,
        String huggingFaceUrl,
        int recentYears,
        int relatedWorkCount,
        Duration relatedWorkDeadline,
        String contactEmail) {

    public PapersConfig {
        PAPERS_RECENT_YEARS.require(recentYears);
        PAPERS_RELATED_WORK_COUNT.require(relatedWorkCount);
        PAPERS_RELATED_WORK_DEADLINE.require(relatedWorkDeadline);
    }

    static PapersConfig from(Values v) {
        return new PapersConfig(
                v.text(PAPERS_ARXIV_URL),
                v.text(PAPERS_ARXIV_API_URL),
                v.text(PAPERS_OPEN_REVIEW_URL),
                v.text(PAPERS_ACL_ANTHOLOGY_URL),
                v.text(PAPERS_DOI_RESOLVER_URL),
                v.text(PAPERS_SEMANTIC_SCHOLAR_URL),
                v.text(PAPERS_OPEN_ALEX_URL),
                v.text(PAPERS_HUGGING_FACE_URL),
                v.integer(PAPERS_RECENT_YEARS),
                v.integer(PAPERS_RELATED_WORK_COUNT),
                v.duration(PAPERS_RELATED_WORK_DEADLINE),
                v.text(PAPERS_CONTACT_EMAIL));
    }
}
