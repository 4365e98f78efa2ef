package org.mlrcopilot.papers.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlrcopilot.papers.pdf.FixturePapers.assertCleanText;
import static org.mlrcopilot.papers.pdf.FixturePapers.numberedHeadings;

import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LiteratureGraphFixtureTest {

    private static PdfPaper paper;

    @BeforeAll
    static void read() {
        paper = new PdfPaperReader().read(FixturePapers.bytes(FixturePapers.LITERATURE_GRAPH));
    }

    @Test
    void readsFrontMatter() {
        assertThat(paper.title()).isEqualTo("Construction of the Literature Graph in Semantic Scholar");
        assertThat(paper.authors())
                .hasSize(23)
                .startsWith("Waleed Ammar", "Dirk Groeneveld")
                .endsWith("Madeleine van Zuylen", "Oren Etzioni");
        assertThat(paper.abstractText())
                .startsWith("We describe a deployed scalable system for organizing")
                .endsWith("www.semanticscholar.org.");
        assertThat(paper.pages()).isEqualTo(8);
    }

    @Test
    void findsNumberedSectionsInOrder() {
        assertThat(numberedHeadings(paper))
                .containsExactly(
                        "1 Introduction",
                        "2 Structure of The Literature Graph",
                        "2.1 Node Types",
                        "2.2 Edge Types",
                        "3 Extracting Metadata",
                        "4 Entity Extraction and Linking",
                        "4.1 Approaches",
                        "4.2 Entity Extraction Models",
                        "4.3 Knowledge Bases",
                        "4.4 Entity Linking Models",
                        "5 Other Research Problems",
                        "6 Conclusion and Future Work");
    }

    @Test
    void cleansText() {
        assertCleanText(
                paper,
                IntStream.rangeClosed(84, 91).mapToObj(String::valueOf).toList(),
                "Proceedings of NAACL-HLT 2018");
        assertThat(paper.abstractText()).contains("scientific literature into a heterogeneous graph to facilitate");
    }

    @Test
    void splitsReferences() {
        assertThat(paper.references())
                .hasSizeBetween(24, 30)
                .contains("Oren Etzioni. 2011. Search needs a shake-up. Nature 476 7358:25–6.");
    }

    @Test
    void findsLinks() {
        assertThat(paper.links())
                .contains(
                        "https://github.com/allenai/science-parse",
                        "https://sobigdata.d4science.org/web/tagme/tagme-help",
                        "http://rtw.ml.cmu.edu/rtw/");
    }
}
