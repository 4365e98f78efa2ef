package org.mlrcopilot.papers.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.setup.ModelRecord;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/** Small Hub models the plan names, fetched through the real guarded client from a fake Hub. */
class HubModelsTest {

    @TempDir
    Path tmp;

    private final FakeSources sources = new FakeSources();
    private final GuardedHttpClient http =
            new GuardedHttpClient(FetchPolicy.defaults().withAllowPrivateAddresses(true));

    @AfterEach
    void close() throws IOException {
        sources.close();
        http.close();
    }

    @Test
    void onlyHubIdsAreModelsToFetch() {
        assertThat(HubModels.ids(List.of(
                        "ResNet-18",
                        "acme/tiny-bert",
                        "https://huggingface.co/acme/other",
                        "acme/tiny-bert",
                        "TF-IDF logistic regression")))
                .containsExactly("acme/tiny-bert", "acme/other");
    }

    @Test
    void fetchesConfigurationTokenizerAndSafetensorsWithinTheCap() {
        sources.model(
                "acme/tiny-bert",
                Map.of(
                        "config.json",
                        "{\"hidden\":8}".getBytes(),
                        "model.safetensors",
                        new byte[300],
                        "pytorch_model.bin",
                        new byte[400],
                        "vocab.txt",
                        "[PAD]\n".getBytes(),
                        "README.md",
                        "# tiny".getBytes()),
                Map.of());
        sources.model("acme/huge", Map.of("config.json", "{}".getBytes()), Map.of("model.safetensors", 9_000_000_000L));
        HubModels models = new HubModels(new HubDatasets(http, sources.hub(), ""));
        List<String> notes = new ArrayList<>();

        ModelRecord tiny =
                models.fetch("acme/tiny-bert", tmp, 10_000, notes::add).orElseThrow();
        assertThat(models.fetch("acme/huge", tmp, 10_000, notes::add)).isEmpty();
        assertThat(models.fetch("nobody/none", tmp, 10_000, notes::add)).isEmpty();

        assertThat(tiny.files())
                .containsExactlyInAnyOrder(
                        "acme_tiny-bert/config.json", "acme_tiny-bert/vocab.txt", "acme_tiny-bert/model.safetensors");
        assertThat(tiny.bytes()).isEqualTo(12 + 300 + 6);
        assertThat(tiny.revision()).isEqualTo(FakeSources.SHA);
        assertThat(tiny.license()).isEqualTo("mit");
        assertThat(tmp.resolve("acme_tiny-bert/model.safetensors")).hasSize(300);
        assertThat(notes)
                .anySatisfy(n -> assertThat(n)
                        .contains("acme/huge not fetched")
                        .contains("9000.0 MB")
                        .contains("experiment.maxModelBytes"));
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("nobody/none is not on the Hugging Face Hub"));
        assertThat(sources.paths()).noneMatch(p -> p.contains("pytorch_model.bin") || p.contains("README"));
    }
}
