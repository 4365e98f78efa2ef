package org.mlrcopilot.papers.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.mlrcopilot.papers.pdf.PdfException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a research paper PDF into a {@link PdfPaper}. Instances are stateless and thread-safe. Every PDF is read on
 * a bounded worker: at most {@link #WORKERS} at once across the service (the decompressed content of each is bounded
 * by its {@link InflationBudget}), and a PDF that is not read within {@link #MAX_TIME} is given up.
 */
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

    /**
     * PDFs read at the same time, whichever reader reads them: two, but never every core (reading is CPU-bound, and
     * requests, health checks and the research lanes need one), so one on a machine with two cores.
     */
    static final int WORKERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
    /** How long one PDF may take. */
    static final Duration MAX_TIME = Duration.ofSeconds(90);

    private static final Semaphore SHARED_SLOTS = new Semaphore(WORKERS);
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pdf-reader");
        t.setDaemon(true);
        return t;
    });

    private final int maxPages;
    private final int maxChars;
    private final InflationBudget inflation;
    private final Semaphore slots;
    private final Duration maxTime;

    public PdfPaperReader() {
        this(MAX_PAGES, MAX_CHARS);
    }

    /** A reader with its own {@code slots} and time limit (for tests of the bounds). */
    PdfPaperReader(Semaphore slots, Duration maxTime) {
        this(MAX_PAGES, MAX_CHARS, MAX_STREAM_BYTES, MAX_CONTENT_BYTES, slots, maxTime);
    }

    PdfPaperReader(int maxPages, int maxChars) {
        this(maxPages, maxChars, MAX_STREAM_BYTES, MAX_CONTENT_BYTES);
    }

    PdfPaperReader(int maxPages, int maxChars, long maxStreamBytes, long maxContentBytes) {
        this(maxPages, maxChars, maxStreamBytes, maxContentBytes, SHARED_SLOTS, MAX_TIME);
    }

    private PdfPaperReader(
            int maxPages, int maxChars, long maxStreamBytes, long maxContentBytes, Semaphore slots, Duration maxTime) {
        this.slots = Objects.requireNonNull(slots, "slots");
        this.maxTime = Objects.requireNonNull(maxTime, "maxTime");
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
        long deadline = System.nanoTime() + maxTime.toNanos();
        try {
            if (!slots.tryAcquire(maxTime.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new PdfException(Reason.BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PdfException(Reason.BUSY, e);
        }
        // whoever claims the read first owns the slot: the worker when it starts (and gives the slot back when it
        // ends, so a PDF that is given up holds one until its parsing stops), or the caller that gave up before it
        // started (and gives the slot back at once)
        AtomicBoolean claimed = new AtomicBoolean();
        Future<PdfPaper> reading;
        try {
            reading = POOL.submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return null;
                }
                try {
                    return parse(pdf);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        try {
            return reading.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            giveUp(reading, claimed);
            throw new PdfException(Reason.TOO_SLOW, e);
        } catch (InterruptedException e) {
            giveUp(reading, claimed);
            Thread.currentThread().interrupt();
            throw new PdfException(Reason.TOO_SLOW, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PdfException p) {
                throw p;
            }
            LOG.debug("cannot read PDF", e.getCause());
            throw new PdfException(Reason.DAMAGED, e.getCause());
        }
    }

    private void giveUp(Future<PdfPaper> reading, AtomicBoolean claimed) {
        if (claimed.compareAndSet(false, true)) {
            slots.release(); // the worker never started and never will
        }
        reading.cancel(true);
    }

    private PdfPaper parse(byte[] pdf) {
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
