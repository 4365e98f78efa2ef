package org.mlrcopilot.papers.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.paper.Section;

class PdfPaperReaderSyntheticTest {

    private static PdfPaper paper;

    @BeforeAll
    static void readSyntheticPaper() {
        paper = new PdfPaperReader().read(SyntheticPapers.threePages());
    }

    @Test
    void readsFrontMatter() {
        assertThat(paper.title()).isEqualTo("A Study of Chunked Headings in Synthetic Papers");
        assertThat(paper.authors()).containsExactly("Alice Smith", "Bob Jones", "Carol White");
        assertThat(paper.abstractText())
                .isEqualTo("We study how headings drawn as separate chunks are detected. The abstract ends here.");
        assertThat(paper.pages()).isEqualTo(3);
    }

    @Test
    void findsHeadingsDrawnAsSeparateNumberAndTitleChunks() {
        assertThat(paper.sections())
                .extracting(Section::heading)
                .containsExactly("1 Introduction", "2 Method", "2.1 Setup", "3 Results");
        assertThat(paper.sections()).extracting(Section::level).containsExactly(1, 1, 2, 1);
    }

    @Test
    void rejoinsHyphenatedWordsAndKeepsCompounds() {
        assertThat(section("1 Introduction").text())
                .contains("The experiment was repeated with state-of-the-art tools")
                .doesNotContain("experi-");
    }

    @Test
    void keepsTwoColumnsInReadingOrder() {
        String text = section("2 Method").text();
        List<Integer> positions = Stream.of(
                        "L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "R01", "R02", "R03", "R04", "R05",
                        "R06", "R07", "R08")
                .map(text::indexOf)
                .toList();
        assertThat(positions).doesNotContain(-1).isSorted();
    }

    @Test
    void removesRunningHeadersAndPageNumbers() {
        String all = paper.abstractText() + "\n" + String.join("\n", paper.references()) + "\n"
                + String.join("\n", paper.sections().stream().map(Section::text).toList());
        assertThat(all).doesNotContain(SyntheticPapers.HEADER).doesNotContain("Journal of Synthetic");
        assertThat(all).doesNotContain(SyntheticPapers.PAGE_NUMBERS);
    }

    @Test
    void splitsNumberedReferences() {
        assertThat(paper.references())
                .containsExactly(
                        "[1] A. Smith and B. Jones. 2020. A study of chunked headings. In Proceedings of Tests.",
                        "[2] C. White. 2019. Another synthetic paper. Journal of Examples.",
                        "[3] D. Brown. 2018. Third entry. In Workshop.");
    }

    @Test
    void collectsTextLinksAndLinkAnnotations() {
        assertThat(paper.links())
                .containsExactlyInAnyOrder("https://github.com/example/synthetic-repo", SyntheticPapers.ANNOTATED_URL);
    }

    @Test
    void stopsAtThePageLimitButReportsAllPages() {
        PdfPaper firstTwo = new PdfPaperReader(2, PdfPaperReader.MAX_CHARS).read(SyntheticPapers.threePages());
        assertThat(firstTwo.pages()).isEqualTo(3);
        assertThat(firstTwo.sections()).extracting(Section::heading).containsExactly("1 Introduction", "2 Method");
    }

    @Test
    void stopsAtTheTextLimit() {
        PdfPaper capped = new PdfPaperReader(PdfPaperReader.MAX_PAGES, 400).read(SyntheticPapers.threePages());
        assertThat(capped.sections()).extracting(Section::heading).containsExactly("1 Introduction");
    }

    @Test
    void readsInlineAbstractAndRomanNumberedHeadings() {
        PdfPaper ieee = new PdfPaperReader().read(SyntheticPapers.ieeeStyle());
        assertThat(ieee.title()).isEqualTo("Abstract Meaning Representation at Scale");
        assertThat(ieee.authors()).containsExactly("Dana Scully");
        assertThat(ieee.abstractText()).isEqualTo("We parse sentences into graphs. It works well.");
        assertThat(ieee.sections())
                .extracting(Section::heading)
                .containsExactly("I. Introduction", "II. Method", "A. Data");
        assertThat(ieee.sections()).extracting(Section::level).containsExactly(1, 1, 2);
    }

    private static Section section(String heading) {
        return paper.sections().stream()
                .filter(s -> s.heading().equals(heading))
                .findFirst()
                .orElseThrow();
    }
}
