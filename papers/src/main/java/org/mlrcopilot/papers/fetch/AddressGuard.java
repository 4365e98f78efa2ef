package org.mlrcopilot.papers.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mlrcopilot.agents.fetch.FetchException;

/**
 * Decides whether an address may be contacted. Applied to literal hosts before a request, to every
 * resolved address, and to the peer a connection actually reached.
 */
final class AddressGuard {

    private static final String TAIL = "; only public internet addresses can be fetched";

    private final boolean allowPrivate;
    private final Set<InetSocketAddress> trustedEndpoints;

    /** @param trustedEndpoints exact ip:port pairs treated as public; never consulted for names */
    AddressGuard(boolean allowPrivate, Set<InetSocketAddress> trustedEndpoints) {
        this.allowPrivate = allowPrivate;
        this.trustedEndpoints = Set.copyOf(trustedEndpoints);
    }

    /** Refuses localhost names and literal addresses (in any spelling) that are not public. */
    void checkHost(String host, int port) {
        if (allowPrivate) {
            for (InetAddress address : IpLiterals.interpretations(host)) {
                if (linkLocal(address, port)) {
                    throw new FetchException(
                            FetchException.Kind.BLOCKED_ADDRESS, literalMessage(host, address, LINK_LOCAL));
                }
            }
            return;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost") || name.equals("localhost.")) {
            throw new FetchException(
                    FetchException.Kind.BLOCKED_ADDRESS,
                    "refused: " + host + " is this machine (a loopback name)" + TAIL);
        }
        for (InetAddress address : IpLiterals.interpretations(host)) {
            refusal(address, port).ifPresent(what -> {
                throw new FetchException(FetchException.Kind.BLOCKED_ADDRESS, literalMessage(host, address, what));
            });
        }
    }

    /** Refuses when ANY of the addresses a name resolved to is not public. */
    void checkResolved(String host, List<InetAddress> addresses) throws BlockedAddressException {
        if (allowPrivate) {
            for (InetAddress address : addresses) {
                if (linkLocal(address, -1)) {
                    throw new BlockedAddressException(message(host, "resolves to", address, LINK_LOCAL));
                }
            }
            return;
        }
        for (InetAddress address : addresses) {
            Optional<String> what = AddressRanges.classify(address);
            if (what.isPresent()) {
                throw new BlockedAddressException(message(host, "resolves to", address, what.get()));
            }
        }
    }

    /** Refuses a connection whose remote end is not public, whatever name led there. */
    void checkPeer(String host, InetAddress peer, int port) throws BlockedAddressException {
        if (allowPrivate) {
            if (peer != null && linkLocal(peer, port)) {
                throw new BlockedAddressException(message(host, "connected to", peer, LINK_LOCAL));
            }
            return;
        }
        if (peer == null) {
            throw new BlockedAddressException("refused: the connection to " + host + " could not be checked");
        }
        Optional<String> what = refusal(peer, port);
        if (what.isPresent()) {
            throw new BlockedAddressException(message(host, "connected to", peer, what.get()));
        }
    }

    private static final String LINK_LOCAL = "a link-local address (where cloud metadata services answer), refused "
            + "even with fetch.allowPrivateAddresses";

    /** Link-local (169.254.0.0/16, fe80::/10, also inside IPv6), unless the exact endpoint is trusted. */
    private boolean linkLocal(InetAddress address, int port) {
        if (port >= 0 && trustedEndpoints.contains(new InetSocketAddress(address, port))) {
            return false;
        }
        return AddressRanges.linkLocal(address);
    }

    private Optional<String> refusal(InetAddress address, int port) {
        if (trustedEndpoints.contains(new InetSocketAddress(address, port))) {
            return Optional.empty();
        }
        return AddressRanges.classify(address);
    }

    private static String literalMessage(String host, InetAddress address, String what) {
        String text = address.getHostAddress();
        if (host.equals(text) || host.equals("[" + text + "]")) {
            return "refused: " + host + " is " + what + TAIL;
        }
        return message(host, "is", address, what);
    }

    private static String message(String host, String relation, InetAddress address, String what) {
        return "refused: " + host + " " + relation + " " + address.getHostAddress() + ", " + what + TAIL;
    }
}
