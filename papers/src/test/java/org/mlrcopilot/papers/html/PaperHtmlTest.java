package org.mlrcopilot.papers.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.paper.Section;

class PaperHtmlTest {

    static String resource(String name) throws IOException {
        try (InputStream in = PaperHtmlTest.class.getResourceAsStream("/paper/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsArxivLatexmlWithRealSectionStructure() throws IOException {
        HtmlPaper paper = PaperHtml.arxivFullText(
                        resource("arxiv-latexml.html"), URI.create("https://arxiv.org/html/2408.14033v2"))
                .orElseThrow();

        assertThat(paper.title())
                .isEqualTo("MLR-Copilot: Autonomous Machine Learning Research based on Large Language Models Agents");
        assertThat(paper.authors()).containsExactly("Ruochen Li", "Teerth Patel", "Qingyun Wang", "Xinya Du");
        assertThat(paper.abstractText())
                .startsWith("Machine learning research, crucial for technological")
                .doesNotStartWith("Abstract");
        assertThat(paper.sections())
                .extracting(Section::heading)
                .containsExactly(
                        "1 Introduction",
                        "2 MLR-Copilot Framework",
                        "2.1 Research Idea Generation",
                        "2.2 Experiment Implementation",
                        "3 Conclusion");
        assertThat(paper.sections()).extracting(Section::level).containsExactly(1, 1, 2, 2, 1);
        assertThat(paper.sections().get(1).text()).isEqualTo("The framework has three phases.");
        assertThat(paper.sections().get(0).text())
                .contains("hypotheses and Huang et al. (2024) designing")
                .contains("\n\nWe propose a three-phase framework.");
        assertThat(paper.references()).hasSize(3);
        assertThat(paper.references().get(1))
                .startsWith("Qian Huang, Jian Vora")
                .doesNotContain("Huang et al. (2024)Qian");
        assertThat(paper.links())
                .contains("https://github.com/du-nlp-lab/MLR-Copilot")
                .noneMatch(l -> l.startsWith("mailto:"));
    }

    @Test
    void aPageThatIsNotLatexmlIsNotFullText() throws IOException {
        assertThat(PaperHtml.arxivFullText(resource("acl-landing.html"), URI.create("https://aclanthology.org/x/")))
                .isEmpty();
    }

    @Test
    void readsCitationMetadataAndResolvesThePdfLink() throws IOException {
        LandingPage page = PaperHtml.landingPage(
                resource("acl-landing.html"), URI.create("https://aclanthology.org/2020.acl-main.207/"));

        assertThat(page.hasMetadata()).isTrue();
        assertThat(page.title())
                .isEqualTo("SPECTER: Document-level Representation Learning using Citation-informed Transformers");
        assertThat(page.authors())
                .containsExactly("Cohan, Arman", "Feldman, Sergey", "Beltagy, Iz", "Downey, Doug", "Weld, Daniel");
        assertThat(page.pdfUrl()).contains("https://aclanthology.org/2020.acl-main.207.pdf");
        assertThat(page.doi()).isEqualTo("10.18653/v1/2020.acl-main.207");
        assertThat(page.date()).isEqualTo("2020/7");
    }

    @Test
    void aPageWithoutMetadataSaysSo() {
        LandingPage page = PaperHtml.landingPage(
                "<html><head><title>Home</title></head><body>hi</body></html>", URI.create("https://example.org/"));

        assertThat(page.hasMetadata()).isFalse();
        assertThat(page.pdfUrl()).isEmpty();
    }
}
