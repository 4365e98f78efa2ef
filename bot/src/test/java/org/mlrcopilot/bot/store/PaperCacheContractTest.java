package org.mlrcopilot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlrcopilot.bot.store.Fixtures.HASH;
import static org.mlrcopilot.bot.store.Fixtures.paper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperCache;
import org.mlrcopilot.papers.cache.FilePaperCache;

/**
 * The same expectations of {@link PaperCache} hold for the file cache and the store on H2 and on PostgreSQL: they are
 * interchangeable.
 */
class PaperCacheContractTest {

    private static final List<Store> OPEN = new ArrayList<>();

    @TempDir
    Path dir;

    record Subject(String name, Function<Path, PaperCache> open) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<TestPostgres.Database> DATABASES = new ArrayList<>();

    static Stream<Subject> caches() {
        return Stream.of(
                new Subject("FilePaperCache", FilePaperCache::new),
                new Subject("Store on H2", d -> track(Stores.open(d)).papers()),
                new Subject("Store on PostgreSQL", onPostgres()));
    }

    /** A database of its own for each test, created when the test first opens the cache. */
    private static Function<Path, PaperCache> onPostgres() {
        TestPostgres.Database[] database = new TestPostgres.Database[1];
        return d -> {
            if (database[0] == null) {
                database[0] = TestPostgres.available().createDatabase("paper_cache");
                DATABASES.add(database[0]);
            }
            return track(database[0].open()).papers();
        };
    }

    @AfterAll
    static void dropDatabases() {
        DATABASES.forEach(TestPostgres.Database::close);
        DATABASES.clear();
    }

    private static Store track(Store store) {
        OPEN.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        OPEN.forEach(Store::close);
        OPEN.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caches")
    void missesWhatWasNeverPut(Subject subject) {
        PaperCache cache = subject.open().apply(dir);
        assertThat(cache.byKey("arxiv:0000.00000")).isEmpty();
        assertThat(cache.byContentHash(HASH)).isEmpty();
        assertThat(cache.byContentHash("not-a-hash")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caches")
    void findsByKeyAndByContentHash(Subject subject) {
        PaperCache cache = subject.open().apply(dir);
        Paper paper = paper("Attention", HASH);
        cache.put("arxiv:2408.14033v2", paper);
        assertThat(cache.byKey("arxiv:2408.14033v2")).contains(paper);
        assertThat(cache.byContentHash(HASH)).contains(paper);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caches")
    void samePaperUnderASecondKeyIsFoundByHash(Subject subject) {
        PaperCache cache = subject.open().apply(dir);
        cache.put("arxiv:2408.14033v2", paper("Attention", HASH));
        cache.put("doi:10.1/x", paper("Attention, again", HASH));
        assertThat(cache.byKey("doi:10.1/x")).map(Paper::title).contains("Attention, again");
        assertThat(cache.byKey("arxiv:2408.14033v2")).map(Paper::title).contains("Attention, again");
        assertThat(cache.byContentHash(HASH)).map(Paper::title).contains("Attention, again");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caches")
    void paperWithoutHashIsKeptUnderTheHashOfItsKey(Subject subject) {
        PaperCache cache = subject.open().apply(dir);
        Paper paper = paper("Landing page only", "");
        cache.put("https://example.org/paper", paper);
        assertThat(cache.byKey("https://example.org/paper")).contains(paper);
        assertThat(cache.byContentHash(org.mlrcopilot.agents.paper.ContentHash.of("https://example.org/paper")))
                .contains(paper);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caches")
    void survivesARestart(Subject subject) {
        subject.open().apply(dir).put("arxiv:2408.14033v2", paper("Attention", HASH));
        closeStores();
        PaperCache reopened = subject.open().apply(dir);
        assertThat(reopened.byKey("arxiv:2408.14033v2")).map(Paper::title).contains("Attention");
        assertThat(reopened.byContentHash(HASH)).map(Paper::title).contains("Attention");
    }
}
