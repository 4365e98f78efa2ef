package org.mlrcopilot.papers.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One GET, or one POST when it has a {@code body}. {@code maxRetries} and {@code deadline}, when set, override the
 * policy for this call (a caller with a fallback, e.g. related-work search on a 429, asks for no retries).
 * {@code answersErrors}: a 4xx answer is returned as it is instead of thrown (a caller that reads error bodies, such as
 * OAuth's token endpoint). A POST is never redirected.
 */
public record FetchRequest(
        URI uri,
        Map<String, String> headers,
        Expect expect,
        Integer maxRetries,
        Duration deadline,
        Body body,
        boolean answersErrors) {

    /** What a POST sends. */
    public record Body(String contentType, byte[] bytes) {
        public Body {
            Objects.requireNonNull(contentType, "contentType");
            bytes = bytes == null ? new byte[0] : bytes.clone();
        }
    }

    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        expect = expect == null ? Expect.ANY : expect;
    }

    public static FetchRequest get(URI uri) {
        return new FetchRequest(uri, Map.of(), Expect.ANY, null, null, null, false);
    }

    /** A POST of {@code bytes} as {@code contentType}. */
    public static FetchRequest post(URI uri, String contentType, byte[] bytes) {
        return new FetchRequest(uri, Map.of(), Expect.ANY, null, null, new Body(contentType, bytes), false);
    }

    public boolean isPost() {
        return body != null;
    }

    /** Returns 4xx answers instead of throwing them. */
    public FetchRequest withErrorAnswers() {
        return new FetchRequest(uri, headers, expect, maxRetries, deadline, body, true);
    }

    public static FetchRequest get(String uri) {
        return get(URI.create(uri));
    }

    public FetchRequest header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new FetchRequest(uri, h, expect, maxRetries, deadline, body, answersErrors);
    }

    public FetchRequest expect(Expect value) {
        return new FetchRequest(uri, headers, value, maxRetries, deadline, body, answersErrors);
    }

    public FetchRequest retries(int value) {
        return new FetchRequest(uri, headers, expect, value, deadline, body, answersErrors);
    }

    /** Headers that carry credentials: never sent to a host other than the one they were meant for. */
    private static final java.util.regex.Pattern CREDENTIAL = java.util.regex.Pattern.compile(
            "(?i)authorization|proxy-authorization|cookie|.*(api[-_]?key|token|secret|auth).*");

    /** This request without its credential headers (Authorization, Cookie, x-api-key, …tokens). */
    public FetchRequest withoutCredentials() {
        Map<String, String> h = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!CREDENTIAL.matcher(name).matches()) {
                h.put(name, value);
            }
        });
        return new FetchRequest(uri, h, expect, maxRetries, deadline, body, answersErrors);
    }

    public FetchRequest deadline(Duration value) {
        return new FetchRequest(uri, headers, expect, maxRetries, value, body, answersErrors);
    }
}
