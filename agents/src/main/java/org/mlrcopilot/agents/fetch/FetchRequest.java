package org.mlrcopilot.agents.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One GET. {@code maxRetries} and {@code deadline}, when set, override the policy for this call
 * (a caller with a fallback, e.g. related-work search on a 429, asks for no retries).
 */
public record FetchRequest(URI uri, Map<String, String> headers, Expect expect, Integer maxRetries, Duration deadline) {

    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        expect = expect == null ? Expect.ANY : expect;
    }

    public static FetchRequest get(URI uri) {
        return new FetchRequest(uri, Map.of(), Expect.ANY, null, null);
    }

    public static FetchRequest get(String uri) {
        return get(URI.create(uri));
    }

    public FetchRequest header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new FetchRequest(uri, h, expect, maxRetries, deadline);
    }

    public FetchRequest expect(Expect value) {
        return new FetchRequest(uri, headers, value, maxRetries, deadline);
    }

    public FetchRequest retries(int value) {
        return new FetchRequest(uri, headers, expect, value, deadline);
    }

    public FetchRequest deadline(Duration value) {
        return new FetchRequest(uri, headers, expect, maxRetries, value);
    }
}
