package org.mlrcopilot.bot.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client of the language-model providers: when a provider answers 429 or 503 with {@code Retry-After}
 * (seconds or an HTTP date), the call waits as long as asked, at most the call's own timeout, and is tried again, up
 * to {@code llm.maxRetries} times; any other answer is what langchain4j's JDK client gives (whose own retries, with
 * their backoff, still follow a failure). A streamed answer is waited out and asked again the same way while its
 * stream has not opened. Multipart uploads go through the JDK client as they are.
 */
final class RetryAfterHttpClient implements HttpClient {

    private static final Logger LOG = LoggerFactory.getLogger("mlr.llm");

    private final java.net.http.HttpClient http;
    private final HttpClient streams;
    private final Duration readTimeout;
    private final int retries;
    private final Clock clock;

    private RetryAfterHttpClient(Builder b) {
        java.net.http.HttpClient.Builder http = java.net.http.HttpClient.newBuilder();
        if (b.connectTimeout != null) {
            http.connectTimeout(b.connectTimeout);
        }
        this.http = http.build();
        this.streams = JdkHttpClient.builder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .build();
        this.readTimeout = b.readTimeout;
        this.retries = b.retries;
        this.clock = b.clock;
    }

    static Builder builder(int retries) {
        return new Builder(retries, Clock.systemUTC());
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (multipart(request)) {
            return streams.execute(request);
        }
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> answer = send(request);
            int status = answer.statusCode();
            if (status >= 200 && status < 300) {
                return SuccessfulHttpResponse.builder()
                        .statusCode(status)
                        .headers(answer.headers().map())
                        .body(answer.body())
                        .build();
            }
            Optional<Duration> wait = retryWait(answer, attempt);
            if (wait.isEmpty()) {
                throw new HttpException(status, answer.body());
            }
            pause(wait.get());
        }
    }

    /**
     * A streamed answer: a 429 or 503 with {@code Retry-After} before the stream opened is waited out (without
     * holding a thread) and the request sent again, as for a whole answer; once the stream is open its events go to
     * the listener as they come.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        if (multipart(request)) {
            streams.execute(request, parser, listener);
            return;
        }
        stream(request, parser, listener, 0);
    }

    private void stream(
            HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener, int attempt) {
        http.sendAsync(jdkRequest(request), HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(answer -> {
                    int status = answer.statusCode();
                    if (status < 200 || status >= 300) {
                        String body = readBody(answer);
                        Optional<Duration> wait = retryWait(answer, attempt);
                        if (wait.isPresent()) {
                            CompletableFuture.delayedExecutor(wait.get().toMillis(), TimeUnit.MILLISECONDS)
                                    .execute(() -> stream(request, parser, listener, attempt + 1));
                        } else {
                            quietly(() -> listener.onError(new HttpException(status, body)));
                        }
                        return;
                    }
                    SuccessfulHttpResponse opened = SuccessfulHttpResponse.builder()
                            .statusCode(status)
                            .headers(answer.headers().map())
                            .build();
                    quietly(() -> listener.onOpen(opened));
                    try (InputStream in = answer.body()) {
                        parser.parse(in, listener);
                        quietly(listener::onClose);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    quietly(() -> listener.onError(
                            cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause));
                    return null;
                });
    }

    private static boolean multipart(HttpRequest request) {
        return !request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty();
    }

    /** How long to wait before trying {@code answer}'s request again; empty when it is not to be tried again. */
    private Optional<Duration> retryWait(HttpResponse<?> answer, int attempt) {
        int status = answer.statusCode();
        if ((status != 429 && status != 503) || attempt >= retries) {
            return Optional.empty();
        }
        return waitAsked(answer.headers().firstValue("Retry-After").orElse(null), clock)
                .filter(wait -> readTimeout == null || wait.compareTo(readTimeout) <= 0);
    }

    private static String readBody(HttpResponse<InputStream> answer) {
        try (InputStream in = answer.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "the error answer could not be read: " + e.getMessage();
        }
    }

    /** A listener's own failure must not stop the stream's handling. */
    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.debug("a stream listener failed", e);
        }
    }

    /**
     * How long {@code Retry-After} asks to wait: delay-seconds or an HTTP date (RFC 9110); empty when absent or
     * unreadable. A date in the past means now.
     */
    static Optional<Duration> waitAsked(String retryAfter, Clock clock) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        String value = retryAfter.strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> jdk.header(name, value));
            }
        });
        jdk.method(
                request.method().name(),
                request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            jdk.timeout(readTimeout);
        }
        return jdk.build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(jdkRequest(request), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException("interrupted while waiting out a rate limit", e);
        }
    }

    /** Built by the provider's model builder, which sets the timeouts from {@code llm.timeout}. */
    static final class Builder implements HttpClientBuilder {

        private final int retries;
        private final Clock clock;
        private Duration connectTimeout;
        private Duration readTimeout;

        private Builder(int retries, Clock clock) {
            this.retries = retries;
            this.clock = clock;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        @Override
        public HttpClient build() {
            return new RetryAfterHttpClient(this);
        }
    }
}
