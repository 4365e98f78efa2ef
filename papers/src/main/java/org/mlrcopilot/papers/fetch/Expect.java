package org.mlrcopilot.papers.fetch;

/** What a response must be; checked on the Content-Type and on the first bytes of the body. */
public enum Expect {
    /** Anything (no check). */
    ANY,
    /** application/pdf (or octet-stream) and a body starting with %PDF-. */
    PDF,
    /** text/html or application/xhtml+xml, and a body that looks like markup. */
    HTML,
    /** application/atom+xml, application/xml or text/xml. */
    XML,
    /** application/json. */
    JSON
}
