package org.mlrcopilot.papers.literature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedPaper;

class RecordsTest {

    @Test
    void aQueryNormalisesItsIdentifiers() {
        LiteratureQuery query = new LiteratureQuery(
                "  A   title\n",
                null,
                List.of(" LLM agents ", ""),
                "https://arxiv.org/abs/2408.14033v2",
                "https://doi.org/10.1000/ABC");

        assertThat(query.title()).isEqualTo("A title");
        assertThat(query.abstractText()).isEmpty();
        assertThat(query.keywords()).containsExactly("LLM agents");
        assertThat(query.arxivId()).isEqualTo("2408.14033");
        assertThat(query.doi()).isEqualTo("10.1000/abc");
        assertThat(new LiteratureQuery("", "", List.of(), "", "10.48550/arXiv.hep-th/9711200").arxivId())
                .isEqualTo("hep-th/9711200");
    }

    @Test
    void aQueryNeedsSomethingToSearchWithAndValidIds() {
        assertThatThrownBy(() -> new LiteratureQuery(" ", "", List.of(), "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LiteratureQuery("A title", "", List.of(), "not-an-id", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRelatedPaperValidatesItselfAndGetsAUrl() {
        RelatedPaper paper =
                new RelatedPaper("Title", 2024, null, null, "", "", "10.48550/arXiv.2408.06292", "openalex", 0.5);

        assertThat(paper.arxivId()).isEqualTo("2408.06292");
        assertThat(paper.url()).isEqualTo("https://arxiv.org/abs/2408.06292");
        assertThatThrownBy(() -> new RelatedPaper("Title", 2024, "", List.of(), "", "", "", "google", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelatedPaper("Title", 2024, "", List.of(), "", "", "", "arxiv", 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelatedPaper(" ", 2024, "", List.of(), "", "", "", "arxiv", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsDefaultToThePublicApis() {
        LiteratureSettings defaults = LiteratureSettings.defaults();

        assertThat(defaults.semanticScholarUrl()).hasToString("https://api.semanticscholar.org");
        assertThat(defaults.openAlexUrl()).hasToString("https://api.openalex.org");
        assertThat(defaults.arxivApiUrl()).hasToString("http://export.arxiv.org/api/query");
        assertThat(defaults.recentYears()).isEqualTo(3);
        assertThat(defaults.maxResults()).isEqualTo(10);
        assertThat(defaults.deadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.semanticScholarApiKey()).isEmpty();
    }

    @Test
    void openAlexAbstractsAreRebuiltFromTheInvertedIndex() throws Exception {
        var index = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"world\":[1],\"Hello\":[0],\"again,\":[3],\"hello\":[2]}");

        assertThat(OpenAlex.abstractOf(index)).isEqualTo("Hello world hello again,");
    }
}
