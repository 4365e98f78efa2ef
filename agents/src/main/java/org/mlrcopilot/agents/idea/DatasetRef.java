package org.mlrcopilot.agents.idea;

/**
 * A dataset an experiment uses.
 *
 * @param source where to get it, e.g. a Hugging Face Hub id, {@code torchvision.datasets.CIFAR10}, a URL
 */
public record DatasetRef(String name, String source) {

    public DatasetRef {
        name = Texts.required(name, "dataset name");
        source = Texts.required(source, "dataset source");
    }
}
