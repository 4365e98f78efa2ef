package org.mlrcopilot.papers.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.mlrcopilot.agents.fetch.FetchException;

/** Checks that a body is what the caller expected, by Content-Type and first bytes. */
final class ContentCheck {

    private static final Set<String> PDF_TYPES =
            Set.of("", "application/pdf", "application/x-pdf", "application/octet-stream");
    private static final Set<String> HTML_TYPES = Set.of("", "text/html", "application/xhtml+xml");
    private static final Set<String> XML_TYPES = Set.of("application/atom+xml", "application/xml", "text/xml");
    private static final int MAX_LEADING = 1024;

    private ContentCheck() {}

    static void verify(Expect expect, String contentType, byte[] body) {
        String type = mediaType(contentType);
        switch (expect) {
            case PDF ->
                require(
                        PDF_TYPES.contains(type) && startsWith(body, "%PDF-"),
                        "a PDF",
                        type,
                        PDF_TYPES.contains(type) ? ", which does not start with %PDF-" : "");
            case HTML ->
                require(
                        HTML_TYPES.contains(type) && !startsWith(body, "%PDF-"),
                        "a web page",
                        type,
                        HTML_TYPES.contains(type) ? ", which is a PDF" : "");
            case XML ->
                require(
                        XML_TYPES.contains(type)
                                || type.endsWith("+xml")
                                || startsWith(body, "<?xml")
                                || startsWith(body, "<feed"),
                        "an XML feed",
                        type,
                        "");
            case JSON ->
                require(
                        type.equals("application/json")
                                || type.endsWith("+json")
                                || startsWith(body, "{")
                                || startsWith(body, "["),
                        "JSON",
                        type,
                        "");
            default -> {}
        }
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether the body starts with the prefix, after an optional UTF-8 BOM and whitespace. */
    static boolean startsWith(byte[] body, String prefix) {
        int i = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        while (i < body.length && i < MAX_LEADING && isSpace(body[i])) {
            i++;
        }
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (body.length - i < p.length) {
            return false;
        }
        for (int k = 0; k < p.length; k++) {
            if (body[i + k] != p[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
    }

    private static void require(boolean ok, String wanted, String type, String detail) {
        if (!ok) {
            String got = type.isEmpty() ? "a response without a content type" : type;
            throw new FetchException(
                    FetchException.Kind.WRONG_CONTENT,
                    "the link did not return " + wanted + " (got " + got + detail + ")");
        }
    }
}
