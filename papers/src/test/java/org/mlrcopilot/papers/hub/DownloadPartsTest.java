package org.mlrcopilot.papers.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.setup.SetupException;

/** The downloads' small parts: file choice, sampling, archive unpacking. */
class DownloadPartsTest {

    @TempDir
    Path tmp;

    private static HubDatasets.TreeFile f(String path, long size) {
        return new HubDatasets.TreeFile(path, size);
    }

    @Test
    void takesEveryDataFileThatFitsElseTheSmallestOfEachSplit() {
        List<HubDatasets.TreeFile> all = List.of(
                f("README.md", 10),
                f("data/train-00.csv", 600),
                f("data/train-01.csv", 500),
                f("data/test.csv", 200),
                f("data/validation.csv", 300),
                f("dataset_infos.json", 5));
        assertThat(DataFiles.choose(all, 10_000))
                .extracting(HubDatasets.TreeFile::path)
                .containsExactly("data/train-00.csv", "data/train-01.csv", "data/test.csv", "data/validation.csv");
        assertThat(DataFiles.choose(all, 1_000))
                .extracting(HubDatasets.TreeFile::path)
                .containsExactlyInAnyOrder("data/test.csv", "data/validation.csv", "data/train-01.csv");
        assertThat(DataFiles.choose(all, 100)).isEmpty();
        assertThat(DataFiles.choose(List.of(f("a/train.parquet", 5)), 100)).hasSize(1);
    }

    @Test
    void samplingKeepsTheHeaderWholeQuotedRecordsAndIsRepeatable() throws IOException {
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("\"line one of ")
                    .append(i)
                    .append("\nline two\",")
                    .append(i % 3)
                    .append('\n');
        }
        Path a = Files.writeString(tmp.resolve("a.csv"), csv);
        Path b = Files.writeString(tmp.resolve("b.csv"), csv);
        assertThat(Sampler.sample(a, 50)).hasValueSatisfying(n -> assertThat(n).contains("50 of 1,000 rows"));
        Sampler.sample(b, 50);
        List<String> records = Sampler.csvRecords(Files.readString(a));
        assertThat(records).hasSize(51).first().isEqualTo("text,label");
        assertThat(records.subList(1, 51)).allMatch(r -> r.contains("\nline two\","));
        assertThat(a).hasSameTextualContentAs(b);
        Path small = Files.writeString(tmp.resolve("s.jsonl"), "{\"a\":1}\n{\"a\":2}\n");
        assertThat(Sampler.sample(small, 50)).isEmpty();
        assertThat(small).hasContent("{\"a\":1}\n{\"a\":2}");
    }

    @Test
    void archivesUnpackAsPlainFilesInsideTheirDirectoryWithinTheCap() throws IOException {
        CodeArchive.Unpacked ok = CodeArchive.unpack(
                zip("acme-x-1/README.md", "hi", "acme-x-1/src/m.py", "x = 1"), tmp.resolve("ok"), 1000);
        assertThat(ok.files()).isEqualTo(2);
        assertThat(tmp.resolve("ok/src/m.py")).hasContent("x = 1");
        assertThatThrownBy(() -> CodeArchive.unpack(zip("top/../../evil.sh", "rm -rf /"), tmp.resolve("bad"), 1000))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("leaving its directory");
        assertThat(tmp.resolve("evil.sh")).doesNotExist();
        assertThatThrownBy(() -> CodeArchive.unpack(zip("top/big.bin", "x".repeat(5000)), tmp.resolve("big"), 1000))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("experiment.maxCodeBytes");
        assertThat(CodeArchive.repository(List.of("https://example.org", "https://github.com/acme/tool.git")))
                .hasValueSatisfying(r -> assertThat(r).startsWith("acme", "tool"));
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes());
            }
        }
        return out.toByteArray();
    }
}
