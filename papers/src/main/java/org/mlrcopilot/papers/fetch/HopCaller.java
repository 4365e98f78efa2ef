package org.mlrcopilot.papers.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Sends one hop's GET (or POST), politely spaced, retrying 429/503 within the retry budget and the deadline. */
final class HopCaller {

    static final String USER_AGENT = "mlr-copilot-bot/0.1 (+https://github.com/mlr-copilot)";

    private static final Map<Expect, String> ACCEPT = Map.of(
            Expect.PDF, "application/pdf",
            Expect.HTML, "text/html,application/xhtml+xml",
            Expect.XML, "application/atom+xml,application/xml,text/xml",
            Expect.JSON, "application/json");

    private final OkHttpClient http;
    private final FetchPolicy policy;
    private final HostThrottle throttle;

    HopCaller(OkHttpClient http, FetchPolicy policy) {
        this.http = http;
        this.policy = policy;
        this.throttle = new HostThrottle(policy);
    }

    /** The first response that is not 429/503; the caller closes it. */
    Response call(HttpUrl url, FetchRequest request, Deadline deadline) {
        int maxRetries = Math.max(0, request.maxRetries() != null ? request.maxRetries() : policy.maxRetries());
        Request httpRequest = build(url, request);
        for (int retry = 0; ; retry++) {
            throttle.await(url.host(), deadline);
            Response response = execute(httpRequest, deadline);
            int status = response.code();
            if (status != 429 && status != 503) {
                return response;
            }
            Duration delay = RetryDelay.next(
                    retry, HeldRetryAfter.of(response), policy.initialBackoff(), policy.maxBackoff(), Instant.now());
            response.close();
            if (retry >= maxRetries || !deadline.allows(delay)) {
                throw FetchErrors.rateLimited(url.host(), status, retry);
            }
            Deadline.sleep(delay);
        }
    }

    private Response execute(Request request, Deadline deadline) {
        long millis = deadline.remaining().toMillis();
        if (millis <= 0) {
            throw FetchErrors.from(
                    new InterruptedIOException("deadline reached"),
                    request.url().host(),
                    deadline);
        }
        Call call = http.newCall(request);
        call.timeout().timeout(millis, TimeUnit.MILLISECONDS);
        try {
            return call.execute();
        } catch (IOException e) {
            throw FetchErrors.from(e, request.url().host(), deadline);
        }
    }

    static Request build(HttpUrl url, FetchRequest request) {
        Request.Builder builder = new Request.Builder().url(url);
        if (request.isPost()) {
            builder.post(okhttp3.RequestBody.create(
                    request.body().bytes(),
                    okhttp3.MediaType.parse(request.body().contentType())));
        } else {
            builder.get();
        }
        request.headers().forEach(builder::header);
        if (!hasHeader(request, "User-Agent")) {
            builder.header("User-Agent", USER_AGENT);
        }
        if (!hasHeader(request, "Accept") && ACCEPT.containsKey(request.expect())) {
            builder.header("Accept", ACCEPT.get(request.expect()));
        }
        return builder.build();
    }

    private static boolean hasHeader(FetchRequest request, String name) {
        return request.headers().keySet().stream().anyMatch(name::equalsIgnoreCase);
    }
}
