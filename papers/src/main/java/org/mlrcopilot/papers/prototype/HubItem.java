package org.mlrcopilot.papers.prototype;

import java.util.List;
import java.util.Objects;

/**
 * A model or dataset on the Hugging Face Hub.
 *
 * @param kind        "model" or "dataset"
 * @param pipelineTag the model's task, e.g. "image-classification"; "" for datasets or when unknown
 * @param sizeBytes   approximate weight size (fp16, from the safetensors parameter count); -1 when unknown
 * @param url         the item's page, https://huggingface.co/&lt;id&gt; or https://huggingface.co/datasets/&lt;id&gt;
 * @param score       relevance to the plan, see {@link PrototypeFinder}; 0 before ranking
 */
public record HubItem(
        String id,
        String kind,
        long downloads,
        long likes,
        List<String> tags,
        String pipelineTag,
        long sizeBytes,
        String url,
        double score) {

    public static final String MODEL = "model";
    public static final String DATASET = "dataset";

    public HubItem {
        id = Objects.requireNonNull(id, "id").strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a hub item needs an id");
        }
        if (!MODEL.equals(kind) && !DATASET.equals(kind)) {
            throw new IllegalArgumentException("kind must be model or dataset, not " + kind);
        }
        downloads = Math.max(0, downloads);
        likes = Math.max(0, likes);
        tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
        pipelineTag = Objects.requireNonNullElse(pipelineTag, "").strip();
        sizeBytes = sizeBytes < 0 ? -1 : sizeBytes;
        url = Objects.requireNonNull(url, "url");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite");
        }
    }

    public HubItem withScore(double value) {
        return new HubItem(id, kind, downloads, likes, tags, pipelineTag, sizeBytes, url, value);
    }
}
