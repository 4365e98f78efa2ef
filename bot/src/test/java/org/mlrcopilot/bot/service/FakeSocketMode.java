package org.mlrcopilot.bot.service;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode end in the test: greets a client with {@code hello}, pushes envelopes to it and records the
 * acknowledgements ({@code {"envelope_id": ...}}) it sends back.
 */
final class FakeSocketMode extends WebSocketServer {

    final List<String> received = new CopyOnWriteArrayList<>();
    final List<WebSocket> clients = new CopyOnWriteArrayList<>();
    /** Whether the server listens (set once {@link #onStart()} ran). */
    volatile boolean listening;

    FakeSocketMode() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=t1";
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        clients.add(conn);
        conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\","
                + "\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A1\"}}");
    }

    /** Sends an Events API envelope to every connected client. */
    void push(String envelopeId, String eventCallbackJson) {
        String envelope = "{\"envelope_id\":\"" + envelopeId + "\",\"type\":\"events_api\",\"payload\":"
                + eventCallbackJson + ",\"accepts_response_payload\":false,\"retry_attempt\":0,\"retry_reason\":\"\"}";
        clients.forEach(c -> c.send(envelope));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        received.add(message);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        clients.remove(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
        listening = true;
    }
}
