package org.mlrcopilot.bot.http;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An endpoint that takes the request as it came (headers, raw body) and answers as it likes, for adapters that
 * verify signatures over the exact bytes (Slack's events URL). Keeps Javalin out of the adapters.
 */
@FunctionalInterface
public interface RawEndpoint {

    Reply handle(Request request);

    /** The request: path, query parameters, headers (names lower-case), body text, remote address. */
    record Request(
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            String body,
            String remoteAddress) {
        public Request {
            query = Map.copyOf(query);
            headers = Map.copyOf(headers);
            body = Objects.requireNonNullElse(body, "");
        }
    }

    /** The answer. */
    record Reply(int status, String contentType, String body) {}

    /** The routes serving {@code endpoint} for POST requests to {@code path}. */
    static Routes post(String path, RawEndpoint endpoint) {
        return (RoutesConfig routes) -> routes.post(path, ctx -> {
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            ctx.headerMap()
                    .forEach((name, value) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), List.of(value)));
            Reply reply = endpoint.handle(new Request(ctx.path(), ctx.queryParamMap(), headers, ctx.body(), ctx.ip()));
            ctx.status(reply.status());
            if (reply.contentType() != null) {
                ctx.contentType(reply.contentType());
            }
            ctx.result(reply.body() == null ? "" : reply.body());
        });
    }
}
