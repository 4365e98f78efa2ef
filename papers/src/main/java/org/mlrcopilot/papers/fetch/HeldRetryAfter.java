package org.mlrcopilot.papers.fetch;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Network interceptor: okhttp silently repeats a 503 that says "Retry-After: 0". Moving the header aside keeps
 * every retry in our hands (counted against the retry budget, spaced and deadline-bound).
 */
final class HeldRetryAfter implements Interceptor {

    static final String HEADER = "X-Held-Retry-After";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() != 503 || retryAfter == null) {
            return response;
        }
        return response.newBuilder()
                .removeHeader("Retry-After")
                .header(HEADER, retryAfter)
                .build();
    }

    /** The response's Retry-After, wherever it is kept. */
    static String of(Response response) {
        return response.header("Retry-After", response.header(HEADER));
    }
}
