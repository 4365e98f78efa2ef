package org.mlrcopilot.papers.prototype;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * One Hub search: a term and a kind. A term naming a Hugging Face pipeline tag is sent as a task filter
 * ({@code filter=<tag>} for models, {@code filter=task_categories:<tag>} for datasets) instead of a name search,
 * since the Hub's {@code search} only matches repository names.
 */
record HubQuery(String kind, String term) {

    static final int LIMIT = 20;
    private static final Set<String> PIPELINE_TAGS = Set.of(
            "text-classification",
            "token-classification",
            "table-question-answering",
            "question-answering",
            "zero-shot-classification",
            "translation",
            "summarization",
            "feature-extraction",
            "text-generation",
            "text2text-generation",
            "fill-mask",
            "sentence-similarity",
            "text-to-speech",
            "text-to-audio",
            "automatic-speech-recognition",
            "audio-classification",
            "image-classification",
            "object-detection",
            "image-segmentation",
            "text-to-image",
            "image-to-text",
            "image-to-image",
            "depth-estimation",
            "video-classification",
            "tabular-classification",
            "tabular-regression",
            "time-series-forecasting",
            "reinforcement-learning",
            "zero-shot-image-classification",
            "zero-shot-object-detection",
            "image-feature-extraction",
            "visual-question-answering",
            "document-question-answering",
            "mask-generation");

    /** The pipeline tag the term names, or "" when it is a plain search term. */
    String pipelineTag() {
        String tag = term.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        return PIPELINE_TAGS.contains(tag) ? tag : "";
    }

    URI uri(URI hub) {
        String base = hub.toString().replaceAll("/+$", "");
        String path = HubItem.MODEL.equals(kind) ? "/api/models" : "/api/datasets";
        String tag = pipelineTag();
        String select = tag.isEmpty()
                ? "search=" + encode(term)
                : "filter=" + encode(HubItem.MODEL.equals(kind) ? tag : "task_categories:" + tag);
        return URI.create(base + path + "?" + select + "&sort=downloads&direction=-1&limit=" + LIMIT);
    }

    String describe() {
        return (HubItem.MODEL.equals(kind) ? "model" : "dataset") + " search for \"" + term + "\"";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
