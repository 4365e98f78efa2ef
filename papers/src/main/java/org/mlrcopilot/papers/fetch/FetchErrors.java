package org.mlrcopilot.papers.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.mlrcopilot.agents.fetch.FetchException;

/** Turns I/O failures and HTTP statuses into user-fit {@link FetchException}s. */
final class FetchErrors {

    private FetchErrors() {}

    static FetchException from(IOException e, String host, Deadline deadline) {
        BlockedAddressException blocked = find(e, BlockedAddressException.class);
        if (blocked != null) {
            return new FetchException(FetchException.Kind.BLOCKED_ADDRESS, 0, blocked.getMessage(), e);
        }
        if (find(e, UnknownHostException.class) != null) {
            return new FetchException(
                    FetchException.Kind.UNKNOWN_HOST, 0, "could not find the server " + host + "; check the link", e);
        }
        if (deadline.expired()) {
            return new FetchException(
                    FetchException.Kind.TIMEOUT,
                    0,
                    host + " did not finish answering within "
                            + deadline.total().toMillis() + " ms",
                    e);
        }
        if (find(e, InterruptedIOException.class) != null) {
            return new FetchException(FetchException.Kind.TIMEOUT, 0, host + " did not respond in time", e);
        }
        return new FetchException(
                FetchException.Kind.NETWORK,
                0,
                "could not reach " + host + " ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")",
                e);
    }

    static FetchException status(String host, int status) {
        String what = switch (status) {
            case 400 -> "bad request";
            case 401, 403 -> "access denied";
            case 404 -> "not found";
            case 410 -> "gone";
            default -> status >= 500 ? "server error" : "unexpected answer";
        };
        return new FetchException(
                FetchException.Kind.HTTP_STATUS, status, host + " answered " + what + " (HTTP " + status + ")", null);
    }

    static FetchException rateLimited(String host, int status, int retries) {
        String after = retries == 0 ? "" : " after " + retries + (retries == 1 ? " retry" : " retries");
        return new FetchException(
                FetchException.Kind.RATE_LIMITED,
                status,
                host + " is rate-limiting us (HTTP " + status + ")" + after + "; try again in a minute",
                null);
    }

    /** The first throwable of that type among the causes and suppressed exceptions. */
    static <T extends Throwable> T find(Throwable root, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return null;
    }
}
