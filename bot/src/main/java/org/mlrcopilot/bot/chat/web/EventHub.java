package org.mlrcopilot.bot.chat.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The browsers listening for live updates (server-sent events on {@code /api/events}). One thread sends, in the
 * order the changes were made, so a slow browser never holds up a request or a bot worker. A comment every 15 s
 * keeps idle connections open and finds dead ones; their number is bounded.
 */
final class EventHub implements AutoCloseable {

    static final int MAX_CLIENTS = 100;
    /** The most windows one person (signed in) or one address (without sign-in) keeps open. */
    static final int MAX_PER_PERSON = 10;

    private static final long HEARTBEAT_SECONDS = 15;

    /** Open windows by holder ({@link #holder}). */
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> perPerson =
            new ConcurrentHashMap<>();

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "web-chat-events");
        t.setDaemon(true);
        return t;
    });

    EventHub() {
        sender.scheduleWithFixedDelay(
                () -> clients.forEach(c -> send(c, null, "ping", "")),
                HEARTBEAT_SECONDS,
                HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
    }

    /** A browser connects: it gets a "hello" (its cue to fetch what it missed), then every change. */
    void join(SseClient client) {
        String who = holder(client);
        java.util.concurrent.atomic.AtomicInteger open =
                perPerson.computeIfAbsent(who, k -> new java.util.concurrent.atomic.AtomicInteger());
        if (clients.size() >= MAX_CLIENTS || open.incrementAndGet() > MAX_PER_PERSON) {
            open.decrementAndGet();
            client.sendEvent("error", "{\"error\":\"too many open chat windows\"}");
            client.close();
            return;
        }
        client.keepAlive();
        client.onClose(() -> {
            clients.remove(client);
            if (open.decrementAndGet() <= 0) {
                perPerson.remove(who, open);
            }
        });
        run(() -> {
            clients.add(client);
            send(client, "hello", "{}", String.valueOf(ids.get()));
        });
    }

    /** Queues {@code message} as event {@code event} ("message" or "reaction") for every browser. */
    void broadcast(String event, WebMessage message) {
        String json;
        try {
            json = ChatState.JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a web chat message as JSON", e);
        }
        String id = String.valueOf(ids.incrementAndGet());
        run(() -> clients.forEach(c -> send(c, event, json, id)));
    }

    private void run(Runnable task) {
        try {
            sender.execute(task);
        } catch (RejectedExecutionException e) {
            // closed: nobody is listening any more
        }
    }

    /** Whose window this is: the signed-in person, else the address it comes from. */
    private static String holder(SseClient client) {
        try {
            org.mlrcopilot.bot.auth.Person p = client.ctx().attribute(org.mlrcopilot.bot.http.AuthRoutes.PERSON);
            return p != null ? "person:" + p.id() : "address:" + client.ctx().ip();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    int clients() {
        return clients.size();
    }

    private void send(SseClient client, String event, String data, String id) {
        try {
            if (event == null) {
                client.sendComment(data);
            } else {
                client.sendEvent(event, data, id);
            }
        } catch (RuntimeException e) {
            client.close();
        }
        if (client.terminated()) {
            clients.remove(client);
        }
    }

    /**
     * Stops sending. The streams themselves end with the server: closing one whose request the stopped server has
     * already recycled would only make Javalin fail on it.
     */
    @Override
    public void close() {
        sender.shutdownNow();
        clients.clear();
    }
}
