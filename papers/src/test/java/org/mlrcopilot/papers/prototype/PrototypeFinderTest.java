package org.mlrcopilot.papers.prototype;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.prototype.RegisteredTask;
import org.mlrcopilot.agents.prototype.TaskMatch;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.papers.literature.RelatedWorkFinder;

class PrototypeFinderTest {

    private static final String PLAN = "Objective: improve the test accuracy of a handwritten digit image classifier. "
            + "Method: fine-tune a small ResNet convolutional network with data augmentation. Dataset: MNIST "
            + "handwritten digits. Models: ResNet.";
    private static final List<String> LINKS = List.of(
            "https://github.com/du-nlp-lab/MLR-Copilot",
            "https://arxiv.org/abs/2408.14033",
            "https://github.com/du-nlp-lab/MLR-Copilot/");
    private static final List<RegisteredTask> TASKS = List.of(
            new RegisteredTask("diabetes-regression", "lower RMSE of a regression on the diabetes dataset"),
            new RegisteredTask("digits-classifier", "improve test accuracy of a handwritten digit classifier"));
    private static EmbeddingModel embeddings;

    private FakeHub hub;
    private GuardedHttpClient http;

    @BeforeAll
    static void loadModel() {
        embeddings = RelatedWorkFinder.localEmbeddings();
        embeddings.embed("warm up");
    }

    @BeforeEach
    void start() {
        hub = new FakeHub()
                .serve("/api/models mnist", "models-mnist.json")
                .serve("/api/models image-classification", "models-image-classification.json")
                .serve("/api/models transformers", "models-transformers.json")
                .serve("/api/datasets mnist", "datasets-mnist.json")
                .serve("/api/datasets task_categories:image-classification", "datasets-image-classification.json")
                .serve("/api/datasets transformers", "datasets-transformers.json");
        http = new GuardedHttpClient(FetchPolicy.defaults()
                .withAllowPrivateAddresses(true)
                .withRetries(1, Duration.ofMillis(20), Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        hub.close();
    }

    @Test
    void asksTheHubOncePerTermAndKindAsDocumentedWithTheToken() {
        finder("hf_secret", Duration.ofSeconds(20)).find(query(List.of("mnist", "image-classification"), 0), TASKS);

        assertThat(hub.requests).hasSize(4).allSatisfy(r -> {
            assertThat(r.getMethod()).isEqualTo("GET");
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer hf_secret");
            assertThat(url(r).queryParameter("sort")).isEqualTo("downloads");
            assertThat(url(r).queryParameter("direction")).isEqualTo("-1");
            assertThat(url(r).queryParameter("limit")).isEqualTo("20");
        });
        assertThat(hub.requests)
                .extracting(r -> url(r).encodedPath() + " search=" + url(r).queryParameter("search") + " filter="
                        + url(r).queryParameter("filter"))
                .containsExactlyInAnyOrder(
                        "/api/models search=mnist filter=null",
                        "/api/datasets search=mnist filter=null",
                        "/api/models search=null filter=image-classification",
                        "/api/datasets search=null filter=task_categories:image-classification");
    }

    @Test
    void sendsNoAuthorizationWithoutAToken() {
        finder("", Duration.ofSeconds(20)).find(query(List.of("mnist"), 0), TASKS);

        assertThat(hub.requests)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isNull());
    }

    @Test
    void asksAboutAtMostFourTerms() {
        finder("", Duration.ofSeconds(20)).find(query(List.of("a", "b", "c", "d", "e", "f"), 0), TASKS);

        assertThat(hub.requests)
                .hasSize(8)
                .extracting(r -> url(r).queryParameter("search"))
                .containsOnly("a", "b", "c", "d");
    }

    @Test
    void relevantPopularModelsComeBeforeIrrelevantPopularAndRelevantUnpopularOnes() {
        Prototypes found = finder("", Duration.ofSeconds(20)).find(query(List.of("mnist", "transformers"), 0), TASKS);

        List<String> models = found.models().stream().map(HubItem::id).toList();
        assertThat(models).contains("fxmarty/resnet-tiny-mnist", "openai/whisper-large-v3", "jdoe42/mnist-digits-cnn");
        assertThat(models.indexOf("fxmarty/resnet-tiny-mnist"))
                .isLessThan(models.indexOf("openai/whisper-large-v3"))
                .isLessThan(models.indexOf("jdoe42/mnist-digits-cnn"));
        assertThat(found.models()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(found.datasets()).extracting(HubItem::id).first().isEqualTo("ylecun/mnist");
        assertThat(found.notes()).isEmpty();
    }

    @Test
    void leavesOutModelsKnownToBeTooLargeAndCountsEachItemOnce() {
        Prototypes found = finder("", Duration.ofSeconds(20))
                .find(query(List.of("mnist", "image-classification", "transformers"), 500_000_000L), TASKS);

        assertThat(found.models())
                .extracting(HubItem::id)
                .hasSize(5)
                .doesNotHaveDuplicates()
                .doesNotContain("google/vit-huge-patch14-224-in21k", "openai/whisper-large-v3")
                .contains("jdoe42/mnist-digits-cnn", "fxmarty/resnet-tiny-mnist");
        assertThat(found.models()).allSatisfy(m -> assertThat(m.sizeBytes()).isLessThanOrEqualTo(500_000_000L));
        assertThat(found.datasets())
                .extracting(HubItem::id)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(
                        "ylecun/mnist", "Mike0307/MNIST-M", "uoft-cs/cifar10", "HuggingFaceFW/fineweb");
    }

    @Test
    void aRateLimitingHubBecomesANoteAndTheRestIsStillReturned() {
        hub.status("*", 429).status("/api/models mnist", 429).status("/api/datasets mnist", 429);

        Prototypes found = finder("", Duration.ofSeconds(20)).find(query(List.of("mnist"), 0), TASKS);

        assertThat(found.models()).isEmpty();
        assertThat(found.datasets()).isEmpty();
        assertThat(found.notes())
                .singleElement()
                .asString()
                .contains(
                        "Hugging Face Hub",
                        "model search for \"mnist\"",
                        "dataset search for \"mnist\"",
                        "rate-limited (HTTP 429)");
        assertThat(found.codeLinks()).containsExactly("https://github.com/du-nlp-lab/MLR-Copilot");
        assertThat(found.tasks()).hasSize(2);
    }

    @Test
    void aSilentHubCostsNoMoreThanTheDeadline() {
        hub.silent("/api/models mnist").silent("/api/datasets mnist");
        Duration deadline = Duration.ofSeconds(2);

        long start = System.nanoTime();
        Prototypes found = finder("", deadline).find(query(List.of("mnist"), 0), TASKS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(deadline.plusMillis(1000));
        assertThat(found.notes()).singleElement().asString().contains("Hugging Face Hub", "no answer within");
        assertThat(found.codeLinks()).containsExactly("https://github.com/du-nlp-lab/MLR-Copilot");
        assertThat(found.tasks()).extracting(TaskMatch::name).first().isEqualTo("digits-classifier");
    }

    @Test
    void oneFailingSearchDoesNotCostTheOthers() {
        hub.status("/api/datasets mnist", 500);

        Prototypes found = finder("", Duration.ofSeconds(20)).find(query(List.of("mnist"), 0), TASKS);

        assertThat(found.models()).extracting(HubItem::id).contains("fxmarty/resnet-tiny-mnist");
        assertThat(found.datasets()).isEmpty();
        assertThat(found.notes()).containsExactly("Hugging Face Hub dataset search for \"mnist\": HTTP 500");
    }

    @Test
    void ranksEveryRegisteredTaskBySimilarityToThePlan() {
        Prototypes found = finder("", Duration.ofSeconds(20)).find(query(List.of(), 0), TASKS);

        assertThat(found.tasks())
                .extracting(TaskMatch::name)
                .containsExactly("digits-classifier", "diabetes-regression");
        assertThat(found.tasks().get(0).score())
                .isGreaterThan(found.tasks().get(1).score());
        assertThat(found.notes()).singleElement().asString().contains("not searched");
        assertThat(hub.requests).isEmpty();
    }

    private PrototypeFinder finder(String token, Duration deadline) {
        return new PrototypeFinder(http, hub.url(), token, embeddings, deadline);
    }

    private static PrototypeQuery query(List<String> terms, long maxModelBytes) {
        return new PrototypeQuery(PLAN, terms, LINKS, maxModelBytes);
    }

    private static HttpUrl url(RecordedRequest request) {
        return request.getRequestUrl();
    }
}
