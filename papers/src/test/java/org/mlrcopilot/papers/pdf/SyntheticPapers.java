package org.mlrcopilot.papers.pdf;

import static org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA;
import static org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA_BOLD;
import static org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.TIMES_ROMAN;

/** A three-page paper with chunked headings, a two-column page, running headers and a link. */
final class SyntheticPapers {

    static final String HEADER = "Journal of Synthetic Results, Volume 7";
    static final String ANNOTATED_URL = "https://example.org/annotated-page";
    static final String[] PAGE_NUMBERS = {"101", "102", "103"};

    private SyntheticPapers() {}

    static byte[] threePages() {
        SyntheticPdf pdf = new SyntheticPdf();
        firstPage(furniture(pdf.newPage(), 0));
        twoColumnPage(furniture(pdf.newPage(), 1));
        lastPage(furniture(pdf.newPage(), 2));
        return pdf.bytes();
    }

    static byte[] ieeeStyle() {
        SyntheticPdf pdf = new SyntheticPdf()
                .newPage()
                .text(HELVETICA_BOLD, 16, 72, 80, "Abstract Meaning Representation at Scale")
                .text(HELVETICA, 11, 72, 100, "Dana Scully")
                .lines(TIMES_ROMAN, 10, 72, 130, "Abstract\u2014We parse sentences into graphs.", "It works well.")
                .text(HELVETICA_BOLD, 12, 72, 170, "I. Introduction")
                .lines(
                        TIMES_ROMAN,
                        10,
                        72,
                        190,
                        "Graphs are a convenient meaning representation for text.",
                        "We describe a parser that scales to large corpora.")
                .text(HELVETICA_BOLD, 12, 72, 240, "II. Method")
                .text(HELVETICA_BOLD, 10, 72, 260, "A. Data")
                .lines(TIMES_ROMAN, 10, 72, 280, "The data consists of one million annotated sentences.");
        return pdf.bytes();
    }

    private static SyntheticPdf furniture(SyntheticPdf pdf, int page) {
        return pdf.text(TIMES_ROMAN, 10, 72, 40, HEADER).text(TIMES_ROMAN, 10, 300, 760, PAGE_NUMBERS[page]);
    }

    private static void firstPage(SyntheticPdf pdf) {
        pdf.text(HELVETICA_BOLD, 18, 72, 90, "A Study of Chunked Headings in Synthetic Papers")
                .text(HELVETICA, 11, 72, 115, "Alice Smith, Bob Jones and Carol White")
                .text(HELVETICA, 10, 72, 130, "Department of Testing, Example University")
                .text(HELVETICA_BOLD, 12, 72, 165, "Abstract")
                .lines(
                        TIMES_ROMAN,
                        10,
                        72,
                        185,
                        "We study how headings drawn as separate chunks",
                        "are detected. The abstract ends here.")
                .text(HELVETICA_BOLD, 12, 72, 240, "1")
                .text(HELVETICA_BOLD, 12, 90, 240, "Introduction")
                .lines(
                        TIMES_ROMAN,
                        10,
                        72,
                        260,
                        "Synthetic papers make exact assertions possible. The experi-",
                        "ment was repeated with state-of-the-",
                        "art tools and the code is at https://github.com/example/",
                        "synthetic-repo for everyone.",
                        "More details are on the project page.")
                .link(190, 302, 60, 12, ANNOTATED_URL);
    }

    private static void twoColumnPage(SyntheticPdf pdf) {
        pdf.text(HELVETICA_BOLD, 12, 72, 80, "2").text(HELVETICA_BOLD, 12, 90, 80, "Method");
        for (int i = 1; i <= 8; i++) {
            pdf.text(TIMES_ROMAN, 10, 72, 100 + i * 12.5f, "Left column words L0" + i + " continue here");
        }
        for (int i = 1; i <= 8; i++) {
            pdf.text(TIMES_ROMAN, 10, 320, 100 + i * 12.5f, "Right column words R0" + i + " continue here");
        }
    }

    private static void lastPage(SyntheticPdf pdf) {
        pdf.text(HELVETICA_BOLD, 10, 72, 80, "2.1")
                .text(HELVETICA_BOLD, 10, 95, 80, "Setup")
                .lines(TIMES_ROMAN, 10, 72, 100, "The setup uses three synthetic pages and a fixed seed.")
                .text(HELVETICA_BOLD, 12, 72, 140, "3")
                .text(HELVETICA_BOLD, 12, 90, 140, "Results")
                .lines(TIMES_ROMAN, 10, 72, 160, "All headings were found in the expected order.")
                .text(HELVETICA_BOLD, 12, 72, 200, "References")
                .text(TIMES_ROMAN, 10, 72, 220, "[1] A. Smith and B. Jones. 2020. A study of chunked")
                .text(TIMES_ROMAN, 10, 90, 232.5f, "headings. In Proceedings of Tests.")
                .text(TIMES_ROMAN, 10, 72, 245, "[2] C. White. 2019. Another synthetic paper. Journal")
                .text(TIMES_ROMAN, 10, 90, 257.5f, "of Examples.")
                .text(TIMES_ROMAN, 10, 72, 270, "[3] D. Brown. 2018. Third entry. In Workshop.");
    }
}
