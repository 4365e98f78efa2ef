package org.mlrcopilot.bot.chat.web;

import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The browsers listening for live updates (server-sent events); dead ones are dropped, their number is bounded. */
final class EventHub {

    static final int MAX_CLIENTS = 200;

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    void join(SseClient client) {
        if (clients.size() >= MAX_CLIENTS) {
            client.sendEvent("error", "too many open chat windows");
            client.close();
            return;
        }
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("hello", "{}", String.valueOf(ids.get()));
    }

    void broadcast(String event, String json) {
        String id = String.valueOf(ids.incrementAndGet());
        for (SseClient client : clients) {
            try {
                if (client.terminated()) {
                    clients.remove(client);
                } else {
                    client.sendEvent(event, json, id);
                }
            } catch (RuntimeException e) {
                clients.remove(client);
            }
        }
    }
}
