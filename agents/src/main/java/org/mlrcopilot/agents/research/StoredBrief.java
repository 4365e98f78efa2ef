package org.mlrcopilot.agents.research;

import java.util.Objects;
import org.mlrcopilot.agents.idea.ResearchElements;
import org.mlrcopilot.agents.literature.RelatedWork;

/**
 * What the bot found in the paper: its key for the paper cache, its research elements (null when no language
 * model is configured) and its related work.
 */
public record StoredBrief(
        String researchId,
        String paperKey,
        String title,
        String abstractText,
        ResearchElements elements,
        RelatedWork relatedWork) {

    public StoredBrief {
        ResearchIds.require(researchId, "researchId");
        ResearchIds.require(paperKey, "paperKey");
        title = Objects.requireNonNullElse(title, "");
        abstractText = Objects.requireNonNullElse(abstractText, "");
        Objects.requireNonNull(relatedWork, "relatedWork");
    }
}
