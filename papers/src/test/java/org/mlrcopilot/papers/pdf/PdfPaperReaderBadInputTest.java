package org.mlrcopilot.papers.pdf;

import static org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.TIMES_ROMAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.papers.pdf.PdfException.Reason;

class PdfPaperReaderBadInputTest {

    private final PdfPaperReader reader = new PdfPaperReader();

    @Test
    void rejectsHtml() {
        byte[] html = "<!DOCTYPE html><html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8);
        assertFailure(html, Reason.NOT_PDF, "the file is not a PDF");
    }

    @Test
    void rejectsEmptyInput() {
        assertFailure(new byte[0], Reason.NOT_PDF, "the file is not a PDF");
    }

    @Test
    void rejectsTruncatedPdf() {
        byte[] pdf = FixturePapers.bytes(FixturePapers.LITERATURE_GRAPH);
        assertFailure(Arrays.copyOf(pdf, pdf.length / 2), Reason.DAMAGED, "the PDF is damaged and cannot be read");
    }

    @Test
    void rejectsGarbageAfterThePdfHeader() {
        byte[] garbage = ("%PDF-1.7\n" + "garbage ".repeat(500)).getBytes(StandardCharsets.US_ASCII);
        assertFailure(garbage, Reason.DAMAGED, "the PDF is damaged and cannot be read");
    }

    @Test
    void rejectsPdfWithUserPassword() {
        byte[] pdf = onePage().encrypted("user-secret");
        assertFailure(pdf, Reason.ENCRYPTED, "the PDF is encrypted");
    }

    @Test
    void readsPdfProtectedOnlyByAnOwnerPassword() {
        assertThat(reader.read(onePage().encrypted("")).sections().get(0).text()).contains("permission");
    }

    @Test
    void rejectsPdfWithoutText() {
        byte[] blank = new SyntheticPdf().newPage().bytes();
        assertFailure(blank, Reason.NO_TEXT, "the PDF has no text layer (scanned?)");
    }

    private void assertFailure(byte[] input, Reason reason, String message) {
        assertThatThrownBy(() -> reader.read(input))
                .isInstanceOf(PdfException.class)
                .hasMessage(message)
                .extracting(e -> ((PdfException) e).reason()).isEqualTo(reason);
    }

    private static SyntheticPdf onePage() {
        return new SyntheticPdf().newPage()
                .text(TIMES_ROMAN, 10, 72, 100, "This document may be read without any permission granted.");
    }
}
