package org.mlrcopilot.papers.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/** Records every connect attempt; optionally connects somewhere else than asked (a rebinding simulation). */
final class RecordingSockets extends SocketFactory {

    final List<SocketAddress> connects = new CopyOnWriteArrayList<>();
    private final InetSocketAddress divertTo;

    RecordingSockets() {
        this(null);
    }

    RecordingSockets(InetSocketAddress divertTo) {
        this.divertTo = divertTo;
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                connects.add(endpoint);
                super.connect(divertTo != null ? divertTo : endpoint, timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException();
    }
}
