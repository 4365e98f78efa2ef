package org.mlrcopilot.papers.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.mlrcopilot.papers.pdf.PdfException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a research paper PDF into a {@link PdfPaper}. Instances are stateless and thread-safe. */
public final class PdfPaperReader {

    static final int MAX_PAGES = 200;
    static final int MAX_CHARS = 2_000_000;
    /** What one page's content may decompress to, and all pages read together: far above any real paper. */
    static final long MAX_STREAM_BYTES = 64L << 20;

    static final long MAX_CONTENT_BYTES = 256L << 20;
    private static final int HEADER_WINDOW = 1024;
    private static final int MIN_LETTERS = 20;
    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = LoggerFactory.getLogger(PdfPaperReader.class);

    private final int maxPages;
    private final int maxChars;
    private final InflationBudget inflation;

    public PdfPaperReader() {
        this(MAX_PAGES, MAX_CHARS);
    }

    PdfPaperReader(int maxPages, int maxChars) {
        this(maxPages, maxChars, MAX_STREAM_BYTES, MAX_CONTENT_BYTES);
    }

    PdfPaperReader(int maxPages, int maxChars, long maxStreamBytes, long maxContentBytes) {
        if (maxPages < 1 || maxChars < 1 || maxStreamBytes < 1 || maxContentBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxPages = maxPages;
        this.maxChars = maxChars;
        this.inflation = new InflationBudget(maxStreamBytes, maxContentBytes);
    }

    /** @throws PdfException when the bytes are not a readable PDF with a text layer */
    public PdfPaper read(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        if (!hasPdfHeader(pdf)) {
            throw new PdfException(Reason.NOT_PDF);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return extract(document);
        } catch (InvalidPasswordException e) {
            throw new PdfException(Reason.ENCRYPTED, e);
        } catch (PdfException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            LOG.debug("cannot read PDF", e);
            throw new PdfException(Reason.DAMAGED, e);
        }
    }

    private PdfPaper extract(PDDocument document) throws IOException {
        int pages = document.getNumberOfPages();
        if (pages == 0) {
            throw new PdfException(Reason.DAMAGED);
        }
        inflation.check(document, maxPages);
        List<Line> lines = LineMerger.merge(new ChunkStripper(maxPages, maxChars).collect(document));
        if (lines.stream().mapToInt(Line::letters).sum() < MIN_LETTERS) {
            throw new PdfException(Reason.NO_TEXT);
        }
        List<String> annotationLinks =
                new LinkFinder().addAnnotations(document, maxPages).links();
        String metadataTitle = document.getDocumentInformation().getTitle();
        return new PaperAssembler(lines).assemble(annotationLinks, metadataTitle, pages);
    }

    private static boolean hasPdfHeader(byte[] pdf) {
        int window = Math.min(pdf.length, HEADER_WINDOW) - MAGIC.length;
        for (int start = 0; start <= window; start++) {
            if (Arrays.equals(pdf, start, start + MAGIC.length, MAGIC, 0, MAGIC.length)) {
                return true;
            }
        }
        return false;
    }
}
