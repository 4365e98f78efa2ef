package org.mlrcopilot.papers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * The Hugging Face Hub's dataset API and GitHub's archive download, faked at the wire in the shapes their public
 * docs show: {@code /api/datasets?search=}, {@code /api/datasets/{id}}, {@code /api/datasets/{id}/tree/{rev}},
 * {@code /datasets/{id}/resolve/{rev}/{path}} (redirecting to a file host, as the Hub does) under {@code /hub/};
 * {@code /repos/{owner}/{repo}/zipball} (redirecting to the archive host) under {@code /github/}.
 */
final class FakeSources implements AutoCloseable {

    static final String SHA = "4f1c2e0d9b8a7c6e5f4a3b2c1d0e9f8a7b6c5d4e";
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();
    private final Map<String, byte[]> repos = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Dataset> models = new ConcurrentHashMap<>();
    private final MockWebServer server = new MockWebServer();

    record Dataset(String license, String gated, Map<String, byte[]> files, Map<String, Long> declaredSizes) {}

    FakeSources() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                try {
                    return answer(request);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeSources dataset(String id, String license, Map<String, byte[]> content) {
        datasets.put(id, new Dataset(license, null, new LinkedHashMap<>(content), Map.of()));
        return this;
    }

    /** A model on the Hub, its files by path; {@code declared} adds files listed with these sizes only. */
    FakeSources model(String id, Map<String, byte[]> content, Map<String, Long> declared) {
        models.put(id, new Dataset("mit", null, new LinkedHashMap<>(content), declared));
        return this;
    }

    FakeSources gated(String id) {
        datasets.put(id, new Dataset("other", "manual", Map.of("data.csv", "a,b\n".getBytes()), Map.of()));
        return this;
    }

    /** A dataset whose tree declares files of these sizes (their bytes are never needed). */
    FakeSources huge(String id, Map<String, Long> sizes) {
        datasets.put(id, new Dataset("mit", null, Map.of(), sizes));
        return this;
    }

    FakeSources repository(String ownerRepo, Map<String, String> content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String top = ownerRepo.replace('/', '-') + "-" + SHA.substring(0, 7) + "/";
            zip.putNextEntry(new ZipEntry(top));
            for (Map.Entry<String, String> e : content.entrySet()) {
                zip.putNextEntry(new ZipEntry(top + e.getKey()));
                zip.write(e.getValue().getBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repos.put(ownerRepo, bytes.toByteArray());
        return this;
    }

    URI hub() {
        return server.url("/hub/").uri();
    }

    URI github() {
        return server.url("/github/").uri();
    }

    URI file(String name, byte[] content) {
        files.put(name, content);
        return server.url("/files/" + name).uri();
    }

    List<String> paths() {
        return requests.stream().map(RecordedRequest::getPath).toList();
    }

    private MockResponse answer(RecordedRequest request) throws IOException {
        String path = request.getRequestUrl().encodedPath();
        if (path.equals("/hub/api/datasets")) {
            return search(request.getRequestUrl().queryParameter("search"));
        }
        if (path.startsWith("/hub/api/datasets/")) {
            return api(datasets, path.substring("/hub/api/datasets/".length()));
        }
        if (path.startsWith("/hub/api/models/")) {
            return api(models, path.substring("/hub/api/models/".length()));
        }
        boolean modelFile = path.startsWith("/hub/")
                && !path.startsWith("/hub/datasets/")
                && path.contains("/resolve/" + SHA + "/");
        if (modelFile) {
            String rest = path.substring("/hub/".length());
            String id = rest.substring(0, rest.indexOf("/resolve/"));
            String file = rest.substring(rest.indexOf("/resolve/") + ("/resolve/" + SHA + "/").length());
            Dataset m = models.get(id);
            return m == null || !m.files().containsKey(file)
                    ? new MockResponse().setResponseCode(404)
                    : bytes(m.files().get(file));
        }
        if (path.startsWith("/hub/datasets/")) {
            String rest = path.substring("/hub/datasets/".length());
            return new MockResponse()
                    .setResponseCode(302)
                    .setHeader("Location", server.url("/cdn/" + rest.replace("/resolve/" + SHA + "/", "/")));
        }
        if (path.startsWith("/cdn/")) {
            String rest = path.substring("/cdn/".length());
            for (Map.Entry<String, Dataset> d : datasets.entrySet()) {
                if (rest.startsWith(d.getKey() + "/")
                        && d.getValue()
                                .files()
                                .containsKey(rest.substring(d.getKey().length() + 1))) {
                    if (d.getValue().gated() != null && request.getHeader("Authorization") == null) {
                        return new MockResponse().setResponseCode(401);
                    }
                    return bytes(
                            d.getValue().files().get(rest.substring(d.getKey().length() + 1)));
                }
            }
            return new MockResponse().setResponseCode(404);
        }
        if (path.startsWith("/files/") && files.containsKey(path.substring(7))) {
            return bytes(files.get(path.substring(7)));
        }
        if (path.startsWith("/github/repos/") && path.endsWith("/zipball")) {
            String repo = path.substring("/github/repos/".length(), path.length() - "/zipball".length());
            return repos.containsKey(repo)
                    ? new MockResponse()
                            .setResponseCode(302)
                            .setHeader("Location", server.url("/codeload/" + repo + "/legacy.zip/refs/heads/main"))
                    : json("{\"message\":\"Not Found\"}").setResponseCode(404);
        }
        if (path.startsWith("/codeload/")) {
            String repo = path.substring("/codeload/".length(), path.indexOf("/legacy.zip"));
            return bytes(repos.get(repo)).setHeader("Content-Type", "application/zip");
        }
        return new MockResponse().setResponseCode(404);
    }

    private MockResponse search(String text) {
        ArrayNode list = JSON.createArrayNode();
        String wanted = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        datasets.keySet().stream()
                .sorted()
                .filter(id ->
                        id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").contains(wanted))
                .forEach(id -> list.addObject().put("id", id).put("downloads", 1200));
        return json(list.toString());
    }

    private MockResponse api(Map<String, Dataset> all, String rest) {
        int tree = rest.indexOf("/tree/");
        String id = tree < 0 ? rest : rest.substring(0, tree);
        Dataset d = all.get(id);
        if (d == null) {
            return json("{\"error\":\"Dataset not found\"}").setResponseCode(404);
        }
        if (tree < 0) {
            ObjectNode info = JSON.createObjectNode()
                    .put("_id", "65f0")
                    .put("id", id)
                    .put("sha", SHA)
                    .put("private", false)
                    .put("downloads", 1200);
            if (d.gated() != null) {
                info.put("gated", d.gated());
            } else {
                info.put("gated", false);
            }
            info.putObject("cardData").put("license", d.license());
            info.putArray("tags").add("license:" + d.license()).add("format:csv");
            ArrayNode siblings = info.putArray("siblings");
            siblings.addObject().put("rfilename", "README.md");
            d.files().keySet().forEach(f -> siblings.addObject().put("rfilename", f));
            return json(info.toString());
        }
        ArrayNode list = JSON.createArrayNode();
        list.addObject().put("type", "file").put("oid", "a1").put("size", 2_100).put("path", "README.md");
        list.addObject().put("type", "file").put("oid", "a2").put("size", 2_300).put("path", ".gitattributes");
        list.addObject()
                .put("type", "directory")
                .put("oid", "a3")
                .put("size", 0)
                .put("path", "data");
        d.files()
                .forEach((f, b) -> list.addObject()
                        .put("type", "file")
                        .put("oid", "b" + f.hashCode())
                        .put("size", b.length)
                        .put("path", f));
        d.declaredSizes().forEach((f, size) -> {
            ObjectNode entry = list.addObject()
                    .put("type", "file")
                    .put("oid", "c")
                    .put("size", 134)
                    .put("path", f);
            entry.putObject("lfs").put("oid", "sha256:00").put("size", size).put("pointerSize", 134);
        });
        return json(list.toString());
    }

    private static MockResponse json(String body) {
        return new MockResponse()
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody(body);
    }

    private static MockResponse bytes(byte[] body) {
        return new MockResponse()
                .setHeader("Content-Type", "application/octet-stream")
                .setBody(new Buffer().write(body));
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
