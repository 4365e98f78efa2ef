package org.mlrcopilot.papers.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.net.SocketFactory;

/**
 * What a {@link GuardedHttpClient} uses from its surroundings, replaceable in tests.
 *
 * @param resolver         host name to addresses; an empty list means the name is unknown
 * @param trustedEndpoints exact ip:port pairs treated as public even though they are not (test servers)
 * @param socketFactory    makes the plain sockets connections are opened on
 */
record ClientHooks(
        Function<String, List<InetAddress>> resolver,
        Set<InetSocketAddress> trustedEndpoints,
        SocketFactory socketFactory) {

    ClientHooks {
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(socketFactory, "socketFactory");
        trustedEndpoints = Set.copyOf(trustedEndpoints);
    }

    static ClientHooks defaults() {
        return new ClientHooks(GuardedDns::system, Set.of(), SocketFactory.getDefault());
    }

    ClientHooks withResolver(Function<String, List<InetAddress>> value) {
        return new ClientHooks(value, trustedEndpoints, socketFactory);
    }

    ClientHooks withTrustedEndpoints(Set<InetSocketAddress> value) {
        return new ClientHooks(resolver, value, socketFactory);
    }

    ClientHooks withSocketFactory(SocketFactory value) {
        return new ClientHooks(resolver, trustedEndpoints, value);
    }
}
