package org.mlrcopilot.papers.prototype;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the Hub's model and dataset listings (JSON arrays); entries without an id are skipped. */
final class HubJson {

    static final String PAGES = "https://huggingface.co/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long BYTES_PER_PARAM = 2;

    private HubJson() {}

    static List<Candidate> parse(String kind, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the Hub answered with unreadable JSON", e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalStateException("the Hub answered with something other than a list");
        }
        List<Candidate> items = new ArrayList<>();
        for (JsonNode node : root) {
            String id = text(node, "id").isEmpty() ? text(node, "modelId") : text(node, "id");
            if (!id.isEmpty()) {
                HubItem item = item(kind, id, node);
                items.add(new Candidate(item, Candidate.describe(item, text(node, "description"))));
            }
        }
        return items;
    }

    private static HubItem item(String kind, String id, JsonNode node) {
        boolean model = HubItem.MODEL.equals(kind);
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> {
            if (t.isTextual()) {
                tags.add(t.asText());
            }
        });
        long params = node.path("safetensors").path("total").asLong(-1);
        long size = model && params > 0 ? params * BYTES_PER_PARAM : -1;
        String url = PAGES + (model ? "" : "datasets/") + id;
        return new HubItem(
                id,
                kind,
                node.path("downloads").asLong(0),
                node.path("likes").asLong(0),
                tags,
                model ? text(node, "pipeline_tag") : "",
                size,
                url,
                0);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText().strip() : "";
    }
}
