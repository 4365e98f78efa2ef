package org.mlrcopilot.papers.literature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mlrcopilot.papers.fetch.Fetched;

/** Lenient reading of the JSON the scholarly APIs answer with. */
final class ScholarlyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScholarlyJson() {}

    static JsonNode read(Fetched fetched) {
        try {
            return MAPPER.readTree(fetched.body());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON from " + fetched.finalUri(), e);
        }
    }

    /** The text of a scalar field, else "". */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? "" : value.asText();
    }

    /** A plausible year, else null. */
    static Integer year(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToInt() && value.asInt() >= 1500 && value.asInt() <= 3000
                ? value.asInt()
                : null;
    }

    /** The text at {@code path} inside each element of an array. */
    static List<String> each(JsonNode array, String... path) {
        List<String> found = new ArrayList<>();
        for (JsonNode element : array) {
            JsonNode node = element;
            for (int i = 0; i < path.length - 1; i++) {
                node = node.path(path[i]);
            }
            found.add(text(node, path[path.length - 1]));
        }
        return found;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
