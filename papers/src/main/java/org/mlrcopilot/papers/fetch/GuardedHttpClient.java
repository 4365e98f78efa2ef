package org.mlrcopilot.papers.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.mlrcopilot.agents.fetch.FetchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client for every outbound fetch made on a user's behalf. See {@link FetchPolicy}.
 * Thread-safe; share one instance.
 */
public final class GuardedHttpClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedHttpClient.class);

    private final FetchPolicy policy;
    private final OkHttpClient http;
    private final Targets targets;
    private final HopCaller caller;

    public GuardedHttpClient(FetchPolicy policy) {
        this(policy, ClientHooks.defaults());
    }

    /** With a replacement for name resolution (an empty list means the name is unknown). */
    GuardedHttpClient(FetchPolicy policy, Function<String, List<InetAddress>> resolver) {
        this(policy, ClientHooks.defaults().withResolver(resolver));
    }

    GuardedHttpClient(FetchPolicy policy, ClientHooks hooks) {
        this.policy = Objects.requireNonNull(policy, "policy");
        AddressGuard guard = new AddressGuard(policy.allowPrivateAddresses(), hooks.trustedEndpoints());
        this.http = HttpEngine.build(policy, guard, hooks);
        this.targets = new Targets(guard);
        this.caller = new HopCaller(http, policy);
    }

    public FetchPolicy policy() {
        return policy;
    }

    /**
     * GETs (or POSTs, when the request has a body) the request's URI under the policy; throws {@link FetchException}
     * with a user-fit message.
     */
    public Fetched get(FetchRequest request) {
        Objects.requireNonNull(request, "request");
        long start = System.nanoTime();
        try {
            Fetched fetched = follow(request, Deadline.after(deadlineOf(request)));
            log(request, String.valueOf(fetched.status()), fetched.body().length, start);
            return fetched;
        } catch (FetchException e) {
            log(request, e.kind() + (e.status() > 0 ? " " + e.status() : ""), 0, start);
            throw e;
        }
    }

    private Duration deadlineOf(FetchRequest request) {
        return request.deadline() != null ? request.deadline() : policy.callTimeout();
    }

    private Fetched follow(FetchRequest request, Deadline deadline) {
        HttpUrl url = targets.check(request.uri());
        HttpUrl first = url;
        for (int hop = 0; ; hop++) {
            // credentials go only to the origin they were given for: a redirect elsewhere gets the request without
            boolean sameOrigin = url.scheme().equals(first.scheme())
                    && url.host().equals(first.host())
                    && url.port() == first.port();
            try (Response response = caller.call(url, sameOrigin ? request : request.withoutCredentials(), deadline)) {
                if (!Targets.isRedirect(response.code())) {
                    return read(request, url, response, deadline);
                }
                if (request.isPost()) {
                    throw new FetchException(
                            FetchException.Kind.REDIRECT,
                            0,
                            url.host() + " redirected a POST, which is not followed",
                            null);
                }
                if (hop >= policy.maxRedirects()) {
                    throw new FetchException(
                            FetchException.Kind.REDIRECT,
                            url.host() + " redirected more than " + policy.maxRedirects() + " times");
                }
                url = targets.check(Targets.location(url, response));
            }
        }
    }

    private Fetched read(FetchRequest request, HttpUrl url, Response response, Deadline deadline) {
        boolean answered = request.answersErrors() && response.code() >= 400 && response.code() < 500;
        if (!response.isSuccessful() && !answered) {
            throw FetchErrors.status(url.host(), response.code());
        }
        byte[] body;
        try (ResponseBody content = response.body()) {
            body = BodyReader.read(content, policy.maxBytes(), url.host());
        } catch (IOException e) {
            throw FetchErrors.from(e, url.host(), deadline);
        }
        String type = response.header("Content-Type", "");
        if (!answered) {
            ContentCheck.verify(request.expect(), type, body);
        }
        return new Fetched(
                request.uri(),
                url.uri(),
                response.code(),
                type,
                body,
                response.headers().toMultimap());
    }

    private static void log(FetchRequest request, String outcome, long bytes, long startNanos) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} -> {} ({} bytes, {} ms)",
                    request.isPost() ? "POST" : "GET",
                    loggable(request.uri()),
                    outcome,
                    bytes,
                    (System.nanoTime() - startNanos) / 1_000_000);
        }
    }

    /** The URI as logged: no user-info, query or fragment (they may carry credentials). */
    static String loggable(URI uri) {
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            return uri.getScheme() + ":…";
        }
        String host =
                uri.getHost() != null ? uri.getHost() : uri.getRawAuthority().replaceAll("^.*@", "");
        String port = uri.getHost() != null && uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + host + port + path + (uri.getRawQuery() != null ? "?…" : "");
    }

    @Override
    public void close() {
        http.connectionPool().evictAll();
        http.dispatcher().executorService().shutdown();
    }
}
