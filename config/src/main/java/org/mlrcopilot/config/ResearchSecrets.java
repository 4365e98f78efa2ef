package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.RESEARCH_HUGGING_FACE_TOKEN;
import static org.mlrcopilot.config.Key.RESEARCH_SEMANTIC_SCHOLAR_API_KEY;

/** Credentials for research services used by the agents. */
public record ResearchSecrets(Secret huggingFaceToken, Secret semanticScholarApiKey) {

    public ResearchSecrets {
        RESEARCH_HUGGING_FACE_TOKEN.require(huggingFaceToken);
        RESEARCH_SEMANTIC_SCHOLAR_API_KEY.require(semanticScholarApiKey);
    }

    static ResearchSecrets from(Values v) {
        return new ResearchSecrets(v.secret(RESEARCH_HUGGING_FACE_TOKEN), v.secret(RESEARCH_SEMANTIC_SCHOLAR_API_KEY));
    }
}
