package org.mlrcopilot.agents.fetch;

/** A fetch that did not succeed; the message is fit to show the user who pasted the link. */
public class FetchException extends RuntimeException {

    /** Why it failed. */
    public enum Kind {
        /** Not http or https. */
        UNSUPPORTED_SCHEME,
        /** The host is, or resolves to, or connected to, a loopback/private/link-local/... address. */
        BLOCKED_ADDRESS,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** Over the size cap (by Content-Length or while streaming). */
        TOO_LARGE,
        /** Connect, read or whole-call timeout. */
        TIMEOUT,
        /** Still 429 or 503 after the bounded retries. */
        RATE_LIMITED,
        /** Any other non-2xx status. */
        HTTP_STATUS,
        /** Too many redirects, or a redirect without a usable Location. */
        REDIRECT,
        /** The content type or magic bytes are not what was expected (e.g. not a PDF). */
        WRONG_CONTENT,
        /** Connection refused/reset and other I/O failures. */
        NETWORK
    }

    private final Kind kind;
    private final int status;

    public FetchException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    public FetchException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status for HTTP_STATUS and RATE_LIMITED, else 0. */
    public int status() {
        return status;
    }

    /** Whether trying again later may help. */
    public boolean retryable() {
        return kind == Kind.RATE_LIMITED
                || kind == Kind.TIMEOUT
                || kind == Kind.NETWORK
                || (kind == Kind.HTTP_STATUS && status >= 500);
    }
}
