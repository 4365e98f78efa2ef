package org.mlrcopilot.papers.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The address ranges no fetch may reach, and what each one is called in a refusal message. */
final class AddressRanges {

    private record Range(byte[] prefix, int bits, String what) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            if (!Arrays.equals(address, 0, full, prefix, 0, full)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final String DOCUMENTATION = "a documentation address";
    private static final String PRIVATE = "a private address";
    private static final String RESERVED = "a reserved address";

    private static final List<Range> RANGES = List.of(
            range("0.0.0.0/32", "an unspecified address"),
            range("255.255.255.255/32", "a broadcast address"),
            range("0.0.0.0/8", "a 'this network' address"),
            range("10.0.0.0/8", PRIVATE),
            range("100.64.0.0/10", "a carrier-grade NAT address"),
            range("127.0.0.0/8", "a loopback address"),
            range("169.254.169.254/32", "the cloud metadata address (link-local)"),
            range("169.254.0.0/16", "a link-local address"),
            range("172.16.0.0/12", PRIVATE),
            range("192.0.0.0/24", RESERVED),
            range("192.0.2.0/24", DOCUMENTATION),
            range("192.88.99.0/24", RESERVED),
            range("192.168.0.0/16", PRIVATE),
            range("198.18.0.0/15", "a benchmarking address"),
            range("198.51.100.0/24", DOCUMENTATION),
            range("203.0.113.0/24", DOCUMENTATION),
            range("224.0.0.0/4", "a multicast address"),
            range("240.0.0.0/4", RESERVED),
            range("::/128", "an unspecified address"),
            range("::1/128", "a loopback address"),
            range("100::/64", "a discard-only address"),
            range("2001::/32", "a Teredo tunnel address"),
            range("2001:db8::/32", DOCUMENTATION),
            range("64:ff9b:1::/48", "a local NAT64 address"),
            range("fc00::/7", "a unique-local (private) address"),
            range("fe80::/10", "a link-local address"),
            range("fec0::/10", "a site-local address"),
            range("ff00::/8", "a multicast address"));

    /** Where cloud metadata services answer (169.254.169.254 among them), refused even with private addresses. */
    private static final List<Range> LINK_LOCAL =
            List.of(range("169.254.0.0/16", "a link-local address"), range("fe80::/10", "a link-local address"));

    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private AddressRanges() {}

    /** What kind of non-public address this is ("a loopback address"), or empty if it is public. */
    static Optional<String> classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<String> direct =
                RANGES.stream().filter(r -> r.contains(bytes)).map(Range::what).findFirst();
        if (direct.isPresent() || bytes.length == 4) {
            return direct;
        }
        return embeddedV4(bytes).flatMap(v4 -> classify(v4)).map(what -> what + " embedded in IPv6");
    }

    /** Whether this is a link-local address (169.254.0.0/16, fe80::/10), also embedded in IPv6. */
    static boolean linkLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (LINK_LOCAL.stream().anyMatch(r -> r.contains(bytes))) {
            return true;
        }
        return bytes.length == 16
                && embeddedV4(bytes).map(AddressRanges::linkLocal).orElse(false);
    }

    private static Optional<InetAddress> embeddedV4(byte[] v6) {
        boolean zero80 = allZero(v6, 0, 10);
        if (zero80 && ((v6[10] == (byte) 0xff && v6[11] == (byte) 0xff) || allZero(v6, 10, 12))) {
            return v4(v6, 12);
        }
        if (Arrays.equals(v6, 0, 12, NAT64, 0, 12)) {
            return v4(v6, 12);
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return v4(v6, 2);
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<InetAddress> v4(byte[] bytes, int offset) {
        return Optional.of(literal(Arrays.copyOfRange(bytes, offset, offset + 4)));
    }

    private static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Range range(String cidr, String what) {
        String[] parts = cidr.split("/");
        byte[] prefix = IpLiterals.parse(parts[0]).orElseThrow().getAddress();
        return new Range(prefix, Integer.parseInt(parts[1]), what);
    }
}
