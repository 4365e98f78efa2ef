package org.mlrcopilot.papers.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A successful (2xx) response, or a 4xx one when the request asked for error answers.
 *
 * @param requested the URI asked for
 * @param finalUri  the URI that answered, after redirects
 */
public record Fetched(
        URI requested, URI finalUri, int status, String contentType, byte[] body, Map<String, List<String>> headers) {

    public Fetched {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(finalUri, "finalUri");
        contentType = contentType == null ? "" : contentType;
        body = body == null ? new byte[0] : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The body decoded with the charset of the Content-Type, else UTF-8. */
    public String text() {
        return new String(body, charset());
    }

    private Charset charset() {
        for (String part : contentType.split(";")) {
            String p = part.trim().toLowerCase();
            if (p.startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", ""));
                } catch (RuntimeException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
