package org.mlrcopilot.papers.fetch;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The rules every outbound fetch follows.
 *
 * @param allowPrivateAddresses let fetches reach loopback/private addresses (tests, on-premise); default false
 * @param maxBytes              body size cap
 * @param maxRedirects          redirect hops followed, each checked like the first request
 * @param maxRetries            retries on 429/503 (with backoff, honouring Retry-After up to maxBackoff)
 * @param minIntervalPerHost    polite spacing between requests to one host, e.g. export.arxiv.org -> 3s
 * @param defaultMinInterval    spacing for hosts not listed
 */
public record FetchPolicy(
        boolean allowPrivateAddresses,
        long maxBytes,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxRedirects,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Map<String, Duration> minIntervalPerHost,
        Duration defaultMinInterval) {

    public FetchPolicy {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(defaultMinInterval, "defaultMinInterval");
        minIntervalPerHost = Map.copyOf(minIntervalPerHost);
        if (maxBytes <= 0 || maxRedirects < 0 || maxRetries < 0) {
            throw new IllegalArgumentException("fetch limits must be positive");
        }
    }

    public static FetchPolicy defaults() {
        return new FetchPolicy(
                false,
                30L * 1024 * 1024,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(120),
                5,
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Map.of("export.arxiv.org", Duration.ofSeconds(3), "arxiv.org", Duration.ofSeconds(1)),
                Duration.ZERO);
    }

    public FetchPolicy withAllowPrivateAddresses(boolean value) {
        return new FetchPolicy(
                value,
                maxBytes,
                connectTimeout,
                readTimeout,
                callTimeout,
                maxRedirects,
                maxRetries,
                initialBackoff,
                maxBackoff,
                minIntervalPerHost,
                defaultMinInterval);
    }

    public FetchPolicy withMaxBytes(long value) {
        return new FetchPolicy(
                allowPrivateAddresses,
                value,
                connectTimeout,
                readTimeout,
                callTimeout,
                maxRedirects,
                maxRetries,
                initialBackoff,
                maxBackoff,
                minIntervalPerHost,
                defaultMinInterval);
    }

    public FetchPolicy withTimeouts(Duration connect, Duration read, Duration call) {
        return new FetchPolicy(
                allowPrivateAddresses,
                maxBytes,
                connect,
                read,
                call,
                maxRedirects,
                maxRetries,
                initialBackoff,
                maxBackoff,
                minIntervalPerHost,
                defaultMinInterval);
    }

    public FetchPolicy withMaxRedirects(int value) {
        return new FetchPolicy(
                allowPrivateAddresses,
                maxBytes,
                connectTimeout,
                readTimeout,
                callTimeout,
                value,
                maxRetries,
                initialBackoff,
                maxBackoff,
                minIntervalPerHost,
                defaultMinInterval);
    }

    public FetchPolicy withRetries(int retries, Duration initial, Duration max) {
        return new FetchPolicy(
                allowPrivateAddresses,
                maxBytes,
                connectTimeout,
                readTimeout,
                callTimeout,
                maxRedirects,
                retries,
                initial,
                max,
                minIntervalPerHost,
                defaultMinInterval);
    }

    public FetchPolicy withMinIntervals(Map<String, Duration> perHost, Duration defaultInterval) {
        return new FetchPolicy(
                allowPrivateAddresses,
                maxBytes,
                connectTimeout,
                readTimeout,
                callTimeout,
                maxRedirects,
                maxRetries,
                initialBackoff,
                maxBackoff,
                perHost,
                defaultInterval);
    }
}
