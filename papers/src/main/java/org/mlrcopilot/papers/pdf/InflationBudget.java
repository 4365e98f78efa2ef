package org.mlrcopilot.papers.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Checks, before any text is extracted, that the content streams of the pages to be read decode to at most
 * {@code perStream} bytes each and {@code perDocument} in all: a small compressed PDF whose page inflates to a
 * gigabyte of operators is refused without ever holding it. Flate streams are inflated here, counting and discarding;
 * a stream with other filters counts its decoded bytes as PDFBox gives them, streamed.
 */
final class InflationBudget {

    private static final int BUFFER = 64 * 1024;

    private final long perStream;
    private final long perDocument;

    InflationBudget(long perStream, long perDocument) {
        this.perStream = perStream;
        this.perDocument = perDocument;
    }

    /** @throws PdfException TOO_LARGE when a content stream or the document passes its budget */
    void check(PDDocument document, int maxPages) throws IOException {
        long total = 0;
        int page = 0;
        for (PDPage p : document.getPages()) {
            if (++page > maxPages) {
                break;
            }
            for (COSStream stream : contents(p)) {
                total += decodedLength(stream, Math.min(perStream, perDocument - total));
            }
        }
    }

    private static java.util.List<COSStream> contents(PDPage page) {
        java.util.List<COSStream> streams = new java.util.ArrayList<>();
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (contents instanceof COSStream stream) {
            streams.add(stream);
        } else if (contents instanceof org.apache.pdfbox.cos.COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSStream stream) {
                    streams.add(stream);
                }
            }
        }
        return streams;
    }

    /** The decoded length of {@code stream}, read at most {@code limit} bytes far. */
    private long decodedLength(COSStream stream, long limit) throws IOException {
        COSBase filters = stream.getFilters();
        boolean onlyFlate = COSName.FLATE_DECODE.equals(filters)
                || filters instanceof org.apache.pdfbox.cos.COSArray a
                        && a.size() == 1
                        && COSName.FLATE_DECODE.equals(a.getObject(0));
        boolean predictor = stream.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP) != null;
        try (InputStream in = onlyFlate && !predictor
                ? new InflaterInputStream(stream.createRawInputStream(), new Inflater(), BUFFER)
                : stream.createInputStream()) {
            byte[] buffer = new byte[BUFFER];
            long read = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                read += n;
                if (read > limit) {
                    throw new PdfException(PdfException.Reason.TOO_LARGE);
                }
            }
            return read;
        }
    }
}
