package org.mlrcopilot.papers.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlrcopilot.papers.pdf.FixturePapers.assertCleanText;
import static org.mlrcopilot.papers.pdf.FixturePapers.numberedHeadings;
import static org.mlrcopilot.papers.pdf.FixturePapers.section;

import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpecterFixtureTest {

    private static PdfPaper paper;

    @BeforeAll
    static void read() {
        paper = new PdfPaperReader().read(FixturePapers.bytes(FixturePapers.SPECTER));
    }

    @Test
    void readsFrontMatter() {
        assertThat(paper.title())
                .isEqualTo("SPECTER: Document-level Representation Learning using Citation-informed Transformers");
        assertThat(paper.authors())
                .containsExactly("Arman Cohan", "Sergey Feldman", "Iz Beltagy", "Doug Downey", "Daniel S. Weld");
        assertThat(paper.abstractText())
                .startsWith("Representation learning is a critical ingredient for natural language processing")
                .endsWith("baselines on the benchmark.1");
        assertThat(paper.pages()).isEqualTo(13);
    }

    @Test
    void findsNumberedSectionsInOrder() {
        assertThat(numberedHeadings(paper))
                .containsExactly(
                        "1 Introduction",
                        "2 Model",
                        "2.1 Overview",
                        "2.2 Background: Pretrained Transformers",
                        "2.3 Citation-Based Pretraining Objective",
                        "2.4 Selecting Negative Distractors",
                        "2.5 Inference",
                        "3 SCIDOCS Evaluation Framework",
                        "3.1 Document Classification",
                        "3.2 Citation Prediction",
                        "3.3 User Activity",
                        "3.4 Recommendation",
                        "4 Experiments",
                        "5 Results",
                        "6 Analysis",
                        "7 Related Work",
                        "8 Conclusions and Future Work",
                        "A Appendix A - Baseline Details");
        assertThat(section(paper, "2.1 Overview").level()).isEqualTo(2);
        assertThat(section(paper, "4 Experiments").level()).isEqualTo(1);
    }

    @Test
    void cleansText() {
        assertCleanText(
                paper,
                IntStream.rangeClosed(2270, 2282).mapToObj(String::valueOf).toList(),
                "Proceedings of the 58th Annual Meeting");
        assertThat(section(paper, "1 Introduction").text())
                .contains("have yet to incorporate state-of-the-art pretrained LMs")
                .contains("evaluation suite for document-level embeddings");
        assertThat(section(paper, "2.2 Background: Pretrained Transformers").text())
                .contains("(Radford et al.");
    }

    @Test
    void splitsReferences() {
        assertThat(paper.references()).hasSizeBetween(50, 65);
        assertThat(paper.references().get(0))
                .startsWith("Anant K. Agarwal, Ivan Zaitsev")
                .endsWith("In WSDM.");
    }

    @Test
    void findsLinks() {
        assertThat(paper.links())
                .contains(
                        "https://github.com/allenai/specter",
                        "https://github.com/allenai/scidocs",
                        "https://www.nlm.nih.gov/mesh/meshhome.html");
    }
}
