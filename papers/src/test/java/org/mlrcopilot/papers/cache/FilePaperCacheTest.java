package org.mlrcopilot.papers.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperIds;
import org.mlrcopilot.agents.paper.Section;

class FilePaperCacheTest {

    @TempDir
    Path dir;

    static Paper paper(String hash) {
        return new Paper(
                new PaperIds("2408.14033", "v2", "", "", ""),
                "MLR-Copilot",
                List.of("Ruochen Li"),
                "Abstract text",
                List.of(new Section("1 Introduction", 1, "Body.")),
                List.of("Ref A"),
                List.of("https://github.com/du-nlp-lab/MLR-Copilot"),
                "arxiv-html",
                "https://arxiv.org/abs/2408.14033",
                hash);
    }

    @Test
    void survivesARestartAndFindsByKeyOrContentHash() {
        String hash = "a".repeat(64);
        new FilePaperCache(dir).put("arxiv:2408.14033v2", paper(hash));

        FilePaperCache reopened = new FilePaperCache(dir);
        assertThat(reopened.byKey("arxiv:2408.14033v2")).contains(paper(hash));
        assertThat(reopened.byContentHash(hash)).contains(paper(hash));
        assertThat(reopened.byKey("arxiv:9999.99999")).isEmpty();
    }

    @Test
    void aDamagedEntryIsAMissNotACrash() throws IOException {
        String hash = "b".repeat(64);
        FilePaperCache cache = new FilePaperCache(dir);
        cache.put("k", paper(hash));
        Files.writeString(dir.resolve("by-hash").resolve(hash + ".json"), "{ not json");

        assertThat(cache.byKey("k")).isEmpty();
        assertThat(cache.byContentHash("../../etc/passwd")).isEmpty();
    }
}
