package org.mlrcopilot.papers.prototype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.prototype.RegisteredTask;

class PartsTest {

    @Test
    void codeLinksKeepOrderDropRepeatsAndOtherHosts() {
        List<String> links = CodeLinks.of(List.of(
                "https://github.com/du-nlp-lab/MLR-Copilot",
                "https://arxiv.org/abs/2408.14033",
                "ftp://github.com/x/y",
                "https://huggingface.co/google/vit-base",
                "http://www.github.com/du-nlp-lab/mlr-copilot.git/",
                "https://gitlab.com/group/project",
                "https://github.com.evil.example/x/y",
                "https://github.com/du-nlp-lab/MLR-Copilot#readme"));

        assertThat(links)
                .containsExactly(
                        "https://github.com/du-nlp-lab/MLR-Copilot",
                        "https://huggingface.co/google/vit-base",
                        "https://gitlab.com/group/project");
    }

    @Test
    void pipelineTagsBecomeTaskFiltersAndOtherTermsNameSearches() {
        URI hub = URI.create("https://huggingface.co/");

        assertThat(new HubQuery(HubItem.MODEL, "Image Classification").uri(hub))
                .hasToString(
                        "https://huggingface.co/api/models?filter=image-classification&sort=downloads&direction=-1&limit=20");
        assertThat(new HubQuery(HubItem.DATASET, "text-classification").uri(hub))
                .hasToString("https://huggingface.co/api/datasets?filter=task_categories%3Atext-classification"
                        + "&sort=downloads&direction=-1&limit=20");
        assertThat(new HubQuery(HubItem.MODEL, "bert base & co").uri(hub))
                .hasToString(
                        "https://huggingface.co/api/models?search=bert%20base%20%26%20co&sort=downloads&direction=-1&limit=20");
    }

    @Test
    void hubListingsBecomeItemsWithPageLinksAndFp16Sizes() {
        List<Candidate> models = HubJson.parse(HubItem.MODEL, FakeHub.resource("models-mnist.json"));
        List<Candidate> datasets = HubJson.parse(HubItem.DATASET, FakeHub.resource("datasets-mnist.json"));

        HubItem first = models.get(0).item();
        assertThat(first.id()).isEqualTo("fxmarty/resnet-tiny-mnist");
        assertThat(first.url()).isEqualTo("https://huggingface.co/fxmarty/resnet-tiny-mnist");
        assertThat(first.sizeBytes()).isEqualTo(22_400_000L);
        assertThat(first.pipelineTag()).isEqualTo("image-classification");
        assertThat(first.downloads()).isEqualTo(250311);
        assertThat(models.get(1).item().sizeBytes()).isEqualTo(-1);
        assertThat(models.get(0).text())
                .contains("resnet tiny mnist", "image classification")
                .doesNotContain("license");
        assertThat(datasets.get(0).item().url()).isEqualTo("https://huggingface.co/datasets/ylecun/mnist");
        assertThat(datasets.get(0).item().pipelineTag()).isEmpty();
        assertThat(datasets.get(0).text()).contains("handwritten digits");
    }

    @Test
    void recordsValidateThemselves() {
        assertThatThrownBy(() -> new HubItem("a/b", "space", 0, 0, List.of(), "", -1, "u", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrototypeQuery("plan", List.of(), List.of(), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegisteredTask(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PrototypeQuery(null, java.util.Arrays.asList(" mnist ", "", null), null, 0).searchTerms())
                .containsExactly("mnist");
        assertThat(PrototypeFinder.terms(List.of("a", "A", "b", "c", "d", "e"))).containsExactly("a", "b", "c", "d");
    }
}
