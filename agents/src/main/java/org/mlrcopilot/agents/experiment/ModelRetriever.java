package org.mlrcopilot.agents.experiment;

/**
 * The Retrieve Model action: looks up pretrained models for a query (e.g. on the Hugging Face Hub)
 * and describes the best matches for the agent. The look-up runs in the service, never in the sandbox.
 */
@FunctionalInterface
public interface ModelRetriever {

    String retrieve(String query);

    static ModelRetriever none() {
        return query -> "No model look-up is configured for this run; work with what the sandbox image provides "
                + "(numpy, scipy, pandas, scikit-learn, matplotlib).";
    }
}
