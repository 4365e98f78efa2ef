package org.mlrcopilot.papers.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Function;
import okhttp3.Dns;

/** Name resolution that refuses a name if any address it resolves to is not public. */
final class GuardedDns implements Dns {

    private final Function<String, List<InetAddress>> resolver;
    private final AddressGuard guard;

    GuardedDns(Function<String, List<InetAddress>> resolver, AddressGuard guard) {
        this.resolver = resolver;
        this.guard = guard;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = resolver.apply(hostname);
        if (addresses == null || addresses.isEmpty()) {
            throw new UnknownHostException(hostname);
        }
        guard.checkResolved(hostname, addresses);
        return List.copyOf(addresses);
    }

    /** The system resolver; an unknown name resolves to no addresses. */
    static List<InetAddress> system(String hostname) {
        try {
            return List.of(InetAddress.getAllByName(hostname));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
