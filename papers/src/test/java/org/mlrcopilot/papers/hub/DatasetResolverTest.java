package org.mlrcopilot.papers.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.idea.DatasetRef;
import org.mlrcopilot.agents.setup.DatasetIssue;
import org.mlrcopilot.agents.setup.DatasetRecord;
import org.mlrcopilot.agents.setup.TableConverter;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/** Datasets resolved through the real guarded client against a fake Hugging Face Hub and file host. */
class DatasetResolverTest {

    @TempDir
    Path tmp;

    private final FakeSources sources = new FakeSources();
    private final GuardedHttpClient http = new GuardedHttpClient(
            FetchPolicy.defaults().withAllowPrivateAddresses(true).withMaxBytes(1 << 20));

    @AfterEach
    void close() throws IOException {
        sources.close();
        http.close();
    }

    private DatasetResolver resolver(String token, Map<String, Path> attachments, int maxRows) {
        return new DatasetResolver(
                new HubDatasets(http, sources.hub(), token), http, attachments, TableConverter.none(), maxRows);
    }

    private static byte[] csv(int rows) {
        StringBuilder out = new StringBuilder("text,label\n");
        for (int i = 0; i < rows; i++) {
            out.append("\"review ")
                    .append(i)
                    .append(", with a comma\",")
                    .append(i % 2 == 0 ? "pos" : "neg")
                    .append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHubIdBecomesItsDataFilesWithRevisionLicenseAndLink() throws IOException {
        sources.dataset(
                "imdb-mini/reviews",
                "apache-2.0",
                Map.of("data/train.csv", csv(50), "data/test.csv", csv(10), "data/train.parquet", new byte[] {
                    'P', 'A', 'R', '1'
                }));

        DatasetResolver.Resolution r = resolver("hf_secret", Map.of(), 1000)
                .resolve(new DatasetRef("IMDB mini", "imdb-mini/reviews"), tmp, 1 << 20);

        assertThat(r.issue()).isNull();
        DatasetRecord d = r.record();
        assertThat(d.id()).isEqualTo("imdb-mini/reviews");
        assertThat(d.source()).isEqualTo("huggingface");
        assertThat(d.revision()).isEqualTo(FakeSources.SHA);
        assertThat(d.license()).isEqualTo("apache-2.0");
        assertThat(d.link()).endsWith("/hub/datasets/imdb-mini/reviews");
        assertThat(d.files())
                .as("plain formats preferred over Parquet, README left out")
                .containsExactlyInAnyOrder("imdb-mini_reviews/data/train.csv", "imdb-mini_reviews/data/test.csv");
        assertThat(d.bytes()).isEqualTo(csv(50).length + csv(10).length);
        assertThat(tmp.resolve("imdb-mini_reviews/data/train.csv")).hasBinaryContent(csv(50));
        assertThat(sources.requests)
                .filteredOn(q -> q.getPath().startsWith("/hub/"))
                .allSatisfy(q -> assertThat(q.getHeader("Authorization")).isEqualTo("Bearer hf_secret"));
        assertThat(sources.paths())
                .contains(
                        "/hub/api/datasets/imdb-mini/reviews",
                        "/hub/api/datasets/imdb-mini/reviews/tree/" + FakeSources.SHA + "?recursive=true",
                        "/hub/datasets/imdb-mini/reviews/resolve/" + FakeSources.SHA + "/data/train.csv");
    }

    @Test
    void aNameIsSearchedOnTheHubAndLargeFilesAreSampledWithTheirHeader() throws IOException {
        sources.dataset("stanfordnlp/imdb", "other", Map.of("train.csv", csv(300)));

        DatasetRecord d = resolver("", Map.of(), 100)
                .resolve(new DatasetRef("IMDB", "the IMDB reviews"), tmp, 1 << 20)
                .record();

        assertThat(d.id()).isEqualTo("stanfordnlp/imdb");
        assertThat(d.note()).contains("sampled to 100 of 300 rows");
        java.util.List<String> lines = Files.readAllLines(tmp.resolve("stanfordnlp_imdb/train.csv"));
        assertThat(lines).hasSize(101).first().isEqualTo("text,label");
        assertThat(sources.requests)
                .allSatisfy(q -> assertThat(q.getHeader("Authorization")).isNull());
    }

    @Test
    void missingGatedAndTooLargeDatasetsAreIssuesThatSayWhatToDo() {
        sources.gated("meta/private-set");
        sources.huge("big/corpus", Map.of("data/train.csv", 900_000_000L, "data/test.csv", 400_000_000L));
        DatasetResolver resolver = resolver("", Map.of(), 1000);

        DatasetIssue missing = resolver.resolve(new DatasetRef("Nope", "nobody/nothing-here"), tmp, 1 << 20)
                .issue();
        DatasetIssue gated = resolver.resolve(new DatasetRef("Private", "meta/private-set"), tmp, 1 << 20)
                .issue();
        DatasetIssue large = resolver.resolve(new DatasetRef("Corpus", "big/corpus"), tmp, 1 << 20)
                .issue();
        DatasetIssue unknown = resolver.resolve(
                        new DatasetRef("Made-up corpus", "produced in this study"), tmp, 1 << 20)
                .issue();

        assertThat(missing.reason()).contains("has no dataset nobody/nothing-here");
        assertThat(missing.whatToDo()).contains("attach a file");
        assertThat(gated.reason()).contains("gated");
        assertThat(gated.whatToDo()).contains("HF_TOKEN");
        assertThat(large.reason()).contains("400.0 MB").contains("experiment.maxDatasetBytes");
        assertThat(large.whatToDo()).contains("raise experiment.maxDatasetBytes");
        assertThat(unknown.reason()).contains("no Hugging Face Hub dataset matches");
        assertThat(sources.paths()).noneMatch(p -> p.startsWith("/cdn/big"));
    }

    @Test
    void parquetOnlyDatasetsAreConvertedOrSaidToBeUnreadable() throws IOException {
        sources.dataset("pq/only", "cc-by-4.0", Map.of("data/train.parquet", new byte[] {
            'P', 'A', 'R', '1', 0, 'P', 'A', 'R', '1'
        }));
        TableConverter toCsv = (parquet, maxRows) -> {
            try {
                Path csv = parquet.resolveSibling("train.csv");
                Files.writeString(csv, "a,b\n1,2\n");
                return java.util.Optional.of(new TableConverter.Converted(csv, java.util.Optional.of("converted")));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        DatasetRecord converted = new DatasetResolver(
                        new HubDatasets(http, sources.hub(), ""), http, Map.of(), toCsv, 1000)
                .resolve(new DatasetRef("PQ", "pq/only"), tmp.resolve("a"), 1 << 20)
                .record();
        DatasetRecord kept = resolver("", Map.of(), 1000)
                .resolve(new DatasetRef("PQ", "pq/only"), tmp.resolve("b"), 1 << 20)
                .record();

        assertThat(converted.files()).containsExactly("pq_only/data/train.csv");
        assertThat(tmp.resolve("a/pq_only/data/train.parquet")).doesNotExist();
        assertThat(converted.note()).isEqualTo("converted");
        assertThat(kept.files()).containsExactly("pq_only/data/train.parquet");
        assertThat(kept.note()).contains("Parquet, which the sandbox image cannot read");
    }

    @Test
    void scikitLearnUrlsAndAttachedFilesResolveWithoutTheHub() throws IOException {
        Path posted = Files.write(tmp.resolve("posted.csv"), csv(5));
        DatasetResolver resolver = resolver("", Map.of("posted.csv", posted), 1000);

        DatasetRecord sklearn = resolver.resolve(
                        new DatasetRef("Digits", "sklearn.datasets.load_digits"), tmp.resolve("raw"), 1 << 20)
                .record();
        DatasetRecord url = resolver.resolve(
                        new DatasetRef(
                                "Houses", sources.file("houses.csv", csv(7)).toString()),
                        tmp.resolve("raw"),
                        1 << 20)
                .record();
        DatasetRecord file = resolver.resolve(
                        new DatasetRef("Ours", "attachment:posted.csv"), tmp.resolve("raw"), 1 << 20)
                .record();
        DatasetIssue tooBig = resolver.resolve(
                        new DatasetRef("Houses", sources.file("big.csv", csv(7)).toString()), tmp.resolve("raw"), 10)
                .issue();

        assertThat(sklearn.id()).isEqualTo("sklearn:load_digits");
        assertThat(sklearn.files()).isEmpty();
        assertThat(url.source()).isEqualTo("url");
        assertThat(url.files())
                .singleElement()
                .satisfies(f -> assertThat(tmp.resolve("raw").resolve(f)).hasBinaryContent(csv(7)));
        assertThat(file.source()).isEqualTo("file");
        assertThat(file.bytes()).isEqualTo(Files.size(posted));
        assertThat(tooBig.reason()).contains("too large");
        assertThat(sources.paths()).noneMatch(p -> p.startsWith("/hub/"));
    }
}
