package org.mlrcopilot.bot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;

/**
 * The Hugging Face Hub's dataset API in its documented shapes ({@code /api/datasets/{id}},
 * {@code /api/datasets/{id}/tree/{rev}}, {@code /datasets/{id}/resolve/{rev}/{path}}) for one dataset,
 * imdb-mini/reviews: a CSV of 240 labelled movie reviews under the Apache-2.0 licence. Every other dataset is
 * missing (404), every search empty.
 */
public final class FakeHubDatasets {

    public static final String ID = "imdb-mini/reviews";
    public static final String SHA = "4f1c2e0d9b8a7c6e5f4a3b2c1d0e9f8a7b6c5d4e";
    private static final Path ROOT = Files.isDirectory(Path.of("../agents")) ? Path.of("..") : Path.of(".");
    public static final Path REVIEWS = ROOT.resolve("papers/src/test/resources/setup/reviews.csv");
    public static final Path SCRIPTS = ROOT.resolve("papers/src/test/resources/setup/scripts");

    private FakeHubDatasets() {}

    /** The answer for a path below the Hub's root, e.g. "/api/datasets/imdb-mini/reviews". */
    public static MockResponse answer(String path) {
        try {
            if (path.equals("/api/datasets/" + ID)) {
                return json("{\"id\":\"" + ID + "\",\"sha\":\"" + SHA + "\",\"private\":false,\"gated\":false,"
                        + "\"cardData\":{\"license\":\"apache-2.0\"},\"tags\":[\"license:apache-2.0\"],"
                        + "\"siblings\":[{\"rfilename\":\"README.md\"},{\"rfilename\":\"data/train.csv\"}]}");
            }
            if (path.startsWith("/api/datasets/" + ID + "/tree/" + SHA)) {
                return json("[{\"type\":\"file\",\"oid\":\"a1\",\"size\":2100,\"path\":\"README.md\"},"
                        + "{\"type\":\"file\",\"oid\":\"a2\",\"size\":" + Files.size(REVIEWS)
                        + ",\"path\":\"data/train.csv\"}]");
            }
            if (path.equals("/datasets/" + ID + "/resolve/" + SHA + "/data/train.csv")) {
                return new MockResponse()
                        .setHeader("Content-Type", "text/csv")
                        .setBody(new Buffer().write(Files.readAllBytes(REVIEWS)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path.startsWith("/api/datasets/")
                ? json("{\"error\":\"Dataset not found\"}").setResponseCode(404)
                : json("[]");
    }

    /** A set-up script of the review task (split.py, eval.py, train_majority.py, train_tfidf.py). */
    public static String script(String name) {
        try {
            return Files.readString(SCRIPTS.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }
}
