package org.mlrcopilot.papers.literature;

import java.nio.charset.StandardCharsets;

/** Percent-encoding for a URL path segment that may hold a DOI ("DOI:10.1145/3290605.3300857"). */
final class PathSegment {

    private PathSegment() {}

    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~:/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
