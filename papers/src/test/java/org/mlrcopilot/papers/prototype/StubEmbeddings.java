package org.mlrcopilot.papers.prototype;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.Map;

/** Fixed vectors by the first word of a text; [1, 0] for any other text. */
final class StubEmbeddings implements EmbeddingModel {

    private final Map<String, float[]> byFirstWord;

    StubEmbeddings(Map<String, float[]> byFirstWord) {
        this.byFirstWord = byFirstWord;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return Response.from(segments.stream()
                .map(s -> Embedding.from(byFirstWord.getOrDefault(s.text().split(" ")[0], new float[] {1, 0})))
                .toList());
    }
}
