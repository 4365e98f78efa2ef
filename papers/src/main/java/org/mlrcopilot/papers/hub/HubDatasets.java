package org.mlrcopilot.papers.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.papers.fetch.Expect;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/**
 * The Hugging Face Hub's dataset API, as documented: {@code /api/datasets?search=}, {@code /api/datasets/{id}},
 * {@code /api/datasets/{id}/tree/{rev}?recursive=true} and {@code /datasets/{id}/resolve/{rev}/{path}}.
 */
final class HubDatasets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration API_DEADLINE = Duration.ofSeconds(30);
    private static final Duration FILE_DEADLINE = Duration.ofMinutes(10);

    private final GuardedHttpClient http;
    private final URI hub;
    private final String token;

    HubDatasets(GuardedHttpClient http, URI hub, String token) {
        this.http = http;
        this.hub = URI.create(hub.toString().endsWith("/") ? hub.toString() : hub + "/");
        this.token = token;
    }

    /** A dataset's card data; empty when the Hub has no such dataset. Gated or private ones throw a DatasetDenied. */
    Optional<Info> info(String id) {
        return info("api/datasets/", id);
    }

    /** A model's card data, as {@link #info} for datasets. */
    Optional<Info> modelInfo(String id) {
        return info("api/models/", id);
    }

    List<TreeFile> modelTree(String id, String revision) {
        return tree("api/models/", id, revision);
    }

    byte[] downloadModel(String id, String revision, String file) {
        return http.get(authorized(
                        FetchRequest.get(hub.resolve(path(id) + "/resolve/" + encode(revision) + "/" + path(file)))
                                .deadline(FILE_DEADLINE)
                                .retries(2)))
                .body();
    }

    URI modelPage(String id) {
        return hub.resolve(path(id));
    }

    private Optional<Info> info(String api, String id) {
        try {
            JsonNode node = json(api + path(id));
            String license = node.at("/cardData/license").isTextual()
                    ? node.at("/cardData/license").asText()
                    : node.at("/cardData/license").isArray()
                                    && !node.at("/cardData/license").isEmpty()
                            ? node.at("/cardData/license").get(0).asText()
                            : tagLicense(node.path("tags"));
            boolean gated = node.path("gated").isTextual() || node.path("gated").asBoolean(false);
            return Optional.of(new Info(
                    node.path("id").asText(id),
                    node.path("sha").asText("main"),
                    license,
                    gated,
                    node.path("private").asBoolean(false)));
        } catch (FetchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            if (e.status() == 401 || e.status() == 403) {
                throw new DatasetDenied(id + " is gated or private on the Hub (HTTP " + e.status() + ")");
            }
            throw e;
        }
    }

    /** Every file of the dataset at {@code revision}, with its size. */
    List<TreeFile> tree(String id, String revision) {
        return tree("api/datasets/", id, revision);
    }

    private List<TreeFile> tree(String api, String id, String revision) {
        JsonNode node = json(api + path(id) + "/tree/" + encode(revision) + "?recursive=true");
        List<TreeFile> files = new ArrayList<>();
        for (JsonNode entry : node) {
            if ("file".equals(entry.path("type").asText())) {
                long size = entry.at("/lfs/size").canConvertToLong()
                        ? entry.at("/lfs/size").asLong()
                        : entry.path("size").asLong(0);
                files.add(new TreeFile(entry.path("path").asText(), size));
            }
        }
        return files;
    }

    /** Dataset ids matching {@code text}, most downloaded first. */
    List<String> search(String text) {
        JsonNode node = json("api/datasets?search=" + encode(text) + "&sort=downloads&direction=-1&limit=5");
        List<String> ids = new ArrayList<>();
        node.forEach(entry -> ids.add(entry.path("id").asText()));
        return ids.stream().filter(s -> !s.isBlank()).toList();
    }

    byte[] download(String id, String revision, String file) {
        return http.get(authorized(FetchRequest.get(
                                hub.resolve("datasets/" + path(id) + "/resolve/" + encode(revision) + "/" + path(file)))
                        .deadline(FILE_DEADLINE)
                        .retries(2)))
                .body();
    }

    URI page(String id) {
        return hub.resolve("datasets/" + path(id));
    }

    private JsonNode json(String relative) {
        byte[] body = http.get(authorized(FetchRequest.get(hub.resolve(relative))
                        .header("Accept", "application/json")
                        .expect(Expect.JSON)
                        .deadline(API_DEADLINE)
                        .retries(2)))
                .body();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the Hub answered " + relative + " with malformed JSON", e);
        }
    }

    private FetchRequest authorized(FetchRequest request) {
        return token.isEmpty() ? request : request.header("Authorization", "Bearer " + token);
    }

    private static String tagLicense(JsonNode tags) {
        for (JsonNode tag : tags) {
            if (tag.asText().startsWith("license:")) {
                return tag.asText().substring("license:".length());
            }
        }
        return "unknown";
    }

    /** Each segment percent-encoded, the slashes kept. */
    private static String path(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split("/")) {
            parts.add(encode(part));
        }
        return String.join("/", parts);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    record Info(String id, String sha, String license, boolean gated, boolean isPrivate) {}

    record TreeFile(String path, long size) {}

    /** The Hub refused access (gated, private, or a token without the right). */
    static final class DatasetDenied extends RuntimeException {
        DatasetDenied(String message) {
            super(message);
        }
    }
}
