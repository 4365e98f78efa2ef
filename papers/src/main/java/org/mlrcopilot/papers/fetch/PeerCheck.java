package org.mlrcopilot.papers.fetch;

import java.io.IOException;
import java.net.Socket;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Network interceptor: checks the address the connection really reached before any request byte is sent. */
final class PeerCheck implements Interceptor {

    private final AddressGuard guard;

    PeerCheck(AddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection == null) {
            throw new BlockedAddressException(
                    "refused: the connection to " + chain.request().url().host() + " could not be checked");
        }
        Socket socket = connection.socket();
        try {
            guard.checkPeer(chain.request().url().host(), socket.getInetAddress(), socket.getPort());
        } catch (BlockedAddressException e) {
            socket.close();
            throw e;
        }
        return chain.proceed(chain.request());
    }
}
