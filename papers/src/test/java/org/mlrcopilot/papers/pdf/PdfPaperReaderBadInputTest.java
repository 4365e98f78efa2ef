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
        assertThat(reader.read(onePage().encrypted("")).sections().get(0).text())
                .contains("permission");
    }

    @Test
    void rejectsPdfWithoutText() {
        byte[] blank = new SyntheticPdf().newPage().bytes();
        assertFailure(blank, Reason.NO_TEXT, "the PDF has no text layer (scanned?)");
    }

    @Test
    void aPageThatInflatesFarBeyondAnyPaperIsRefusedWithoutBeingHeld() throws Exception {
        // 40 MB of text operators compressed into a PDF of about 100 KB; the reader here allows 8 MB per page
        byte[] bomb = compressionBomb(40 << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        PdfPaperReader small =
                new PdfPaperReader(PdfPaperReader.MAX_PAGES, PdfPaperReader.MAX_CHARS, 8L << 20, 32L << 20);
        assertThatThrownBy(() -> small.read(bomb))
                .isInstanceOf(PdfException.class)
                .extracting(e -> ((PdfException) e).reason())
                .isEqualTo(Reason.TOO_LARGE);
        assertThat(small.read(onePage().bytes()).sections())
                .as("a real paper stays within the budget")
                .isNotEmpty();
    }

    /** One page whose content stream is {@code bytes} of "BT /F1 1 Tf (x) Tj ET" repeated, Flate-compressed. */
    private static byte[] compressionBomb(int bytes) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            org.apache.pdfbox.pdmodel.common.PDStream stream = new org.apache.pdfbox.pdmodel.common.PDStream(doc);
            byte[] op = "BT (x) Tj ET\n".getBytes(StandardCharsets.US_ASCII);
            try (java.io.OutputStream out = stream.createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
                for (int written = 0; written < bytes; written += op.length) {
                    out.write(op);
                }
            }
            page.setContents(stream);
            java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
            doc.save(pdf);
            return pdf.toByteArray();
        }
    }

    private void assertFailure(byte[] input, Reason reason, String message) {
        assertThatThrownBy(() -> reader.read(input))
                .isInstanceOf(PdfException.class)
                .hasMessage(message)
                .extracting(e -> ((PdfException) e).reason())
                .isEqualTo(reason);
    }

    private static SyntheticPdf onePage() {
        return new SyntheticPdf()
                .newPage()
                .text(TIMES_ROMAN, 10, 72, 100, "This document may be read without any permission granted.");
    }

    @Test
    void aPdfThatTakesTooLongIsGivenUpAndItsWorkerSlotComesBack() {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(1);
        PdfPaperReader slow = new PdfPaperReader(slots, java.time.Duration.ofMillis(1));

        assertThatThrownBy(() -> slow.read(FixturePapers.bytes(FixturePapers.LITERATURE_GRAPH)))
                .isInstanceOf(PdfException.class)
                .extracting(e -> ((PdfException) e).reason())
                .isEqualTo(Reason.TOO_SLOW);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> slots.availablePermits() == 1);
    }

    @Test
    void whenEveryWorkerIsBusyAnotherPdfWaitsThenSaysSo() throws InterruptedException {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(1);
        slots.acquire();
        PdfPaperReader busy = new PdfPaperReader(slots, java.time.Duration.ofMillis(200));

        assertThatThrownBy(() -> busy.read(FixturePapers.bytes(FixturePapers.LITERATURE_GRAPH)))
                .isInstanceOf(PdfException.class)
                .hasMessageContaining("try again in a minute");
        slots.release();
        assertThat(new PdfPaperReader(slots, java.time.Duration.ofSeconds(60))
                        .read(FixturePapers.bytes(FixturePapers.LITERATURE_GRAPH))
                        .title())
                .isNotBlank();
    }
}
