package org.mlrcopilot.papers.pdf;

import java.util.Objects;

/** Thrown when a PDF cannot be turned into a paper; the message is fit to show to a user. */
public class PdfException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the PDF could not be read. */
    public enum Reason {
        NOT_PDF("the file is not a PDF"),
        DAMAGED("the PDF is damaged and cannot be read"),
        ENCRYPTED("the PDF is encrypted"),
        NO_TEXT("the PDF has no text layer (scanned?)"),
        TOO_LARGE("the PDF's pages decompress to more content than a paper has (a compression bomb?): it is too "
                + "large to read"),
        TOO_SLOW("the PDF takes longer to read than any paper should: it was given up"),
        BUSY("the service is reading as many PDFs as it may at once: try again in a minute");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public PdfException(Reason reason, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").message, cause);
        this.reason = reason;
    }

    public PdfException(Reason reason) {
        this(reason, null);
    }

    public Reason reason() {
        return reason;
    }
}
