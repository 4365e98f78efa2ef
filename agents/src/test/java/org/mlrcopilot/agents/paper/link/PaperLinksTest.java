package org.mlrcopilot.agents.paper.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaperLinksTest {

    @ParameterizedTest
    @CsvSource({
        "https://arxiv.org/abs/2408.14033, 2408.14033, ''",
        "https://arxiv.org/abs/2408.14033v2, 2408.14033, v2",
        "http://arxiv.org/pdf/2408.14033v1, 2408.14033, v1",
        "https://arxiv.org/pdf/2408.14033.pdf, 2408.14033, ''",
        "https://arxiv.org/pdf/2408.14033v3.pdf, 2408.14033, v3",
        "https://arxiv.org/html/2408.14033v2, 2408.14033, v2",
        "https://www.arxiv.org/abs/1706.03762, 1706.03762, ''",
        "https://export.arxiv.org/abs/0704.0001, 0704.0001, ''",
        "https://arxiv.org/abs/hep-th/9901001, hep-th/9901001, ''",
        "https://arxiv.org/abs/math.GT/0309136v2, math.GT/0309136, v2",
        "arXiv:2408.14033, 2408.14033, ''",
        "arxiv: 2408.14033v2, 2408.14033, v2",
        "2408.14033, 2408.14033, ''",
        "2408.14033V2, 2408.14033, v2",
        "hep-th/9901001, hep-th/9901001, ''",
        "<https://arxiv.org/abs/2408.14033>, 2408.14033, ''"
    })
    void arxivLinksAndIds(String text, String id, String version) {
        assertThat(PaperLinks.parse(text)).isEqualTo(new PaperLink.Arxiv(text.strip(), id, version));
    }

    @ParameterizedTest
    @CsvSource({
        "https://openreview.net/forum?id=rJXMpikCZ, rJXMpikCZ",
        "https://openreview.net/pdf?id=rJXMpikCZ, rJXMpikCZ",
        "https://openreview.net/forum?id=abc-DEF_12&noteId=xyz, abc-DEF_12"
    })
    void openReview(String text, String id) {
        assertThat(PaperLinks.parse(text)).isEqualTo(new PaperLink.OpenReview(text, id));
    }

    @ParameterizedTest
    @CsvSource({
        "https://aclanthology.org/2020.acl-main.207/, 2020.acl-main.207",
        "https://aclanthology.org/2020.acl-main.207.pdf, 2020.acl-main.207",
        "https://aclanthology.org/N18-3011.pdf, N18-3011",
        "https://aclanthology.org/N18-3011, N18-3011",
        "https://www.aclweb.org/anthology/P19-1001.pdf, P19-1001"
    })
    void aclAnthology(String text, String id) {
        assertThat(PaperLinks.parse(text)).isEqualTo(new PaperLink.AclAnthology(text, id));
    }

    @ParameterizedTest
    @CsvSource({
        "https://doi.org/10.18653/v1/2020.acl-main.207, 10.18653/v1/2020.acl-main.207",
        "http://dx.doi.org/10.1145/3292500.3330701, 10.1145/3292500.3330701",
        "doi:10.1038/nature14539, 10.1038/nature14539",
        "10.1038/nature14539., 10.1038/nature14539",
        "https://doi.org/10.1000/ABC%2F123, 10.1000/abc/123"
    })
    void dois(String text, String doi) {
        PaperLink link = PaperLinks.parse(text);
        assertThat(link).isInstanceOf(PaperLink.Doi.class);
        assertThat(((PaperLink.Doi) link).doi()).isEqualToIgnoringCase(doi);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.org/paper.pdf",
                "https://proceedings.mlr.press/v202/x23a.html",
                "http://127.0.0.1:8080/paper"
            })
    void otherHttpLinksAreWebLinks(String text) {
        assertThat(PaperLinks.parse(text)).isInstanceOf(PaperLink.Web.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "gopher://example.org/",
                "ftp://example.org/paper.pdf",
                "javascript:alert(1)",
                "just some words",
                "",
                "https://arxiv.org/list/cs.LG/recent",
                "https://openreview.net/forum",
                "http:///nohost"
            })
    void anythingElseSaysWhatIsSupported(String text) {
        assertThatThrownBy(() -> PaperLinks.parse(text))
                .isInstanceOf(UnsupportedLinkException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("arXiv", "OpenReview"));
    }
}
