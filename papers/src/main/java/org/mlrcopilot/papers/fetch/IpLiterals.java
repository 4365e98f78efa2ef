package org.mlrcopilot.papers.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads host names that are really IP addresses, including the legacy IPv4 spellings
 * (2130706433, 0x7f.0.0.1, 0177.0.0.1, 127.1) that resolvers and socket libraries still accept.
 */
final class IpLiterals {

    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*]?");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    private IpLiterals() {}

    /** The address under the usual (inet_aton) reading, where a leading 0 means octal and 0x hex. */
    static Optional<InetAddress> parse(String host) {
        return interpretations(host).stream().findFirst();
    }

    /**
     * Every address the host may be taken for: the inet_aton reading, and for all-digit hosts also the
     * all-decimal reading some libraries use (0177.0.0.1 as 177.0.0.1). Empty when the host is a name.
     */
    static Set<InetAddress> interpretations(String host) {
        Set<InetAddress> all = new LinkedHashSet<>();
        if (IPV6.matcher(host).matches()) {
            ipv6(host).ifPresent(all::add);
            return all;
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        ipv4(h, true).ifPresent(all::add);
        if (DIGITS_AND_DOTS.matcher(h).matches()) {
            ipv4(h, false).ifPresent(all::add);
        }
        return all;
    }

    /** Whether a socket library would treat this host as an address rather than a name to resolve. */
    static boolean looksNumeric(String host) {
        return DIGITS_AND_DOTS.matcher(host).matches() || IPV6.matcher(host).matches();
    }

    private static Optional<InetAddress> ipv6(String host) {
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv4(String host, boolean radixPrefixes) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            long part = part(parts[i], radixPrefixes);
            boolean last = i == parts.length - 1;
            long max = last ? (1L << (8 * (5 - parts.length))) - 1 : 255;
            if (part < 0 || part > max) {
                return Optional.empty();
            }
            value = last ? (value << (8 * (5 - parts.length))) | part : (value << 8) | part;
        }
        return Optional.of(address(value));
    }

    private static long part(String text, boolean radixPrefixes) {
        String digits = text;
        int radix = 10;
        if (radixPrefixes && (text.startsWith("0x") || text.startsWith("0X"))) {
            digits = text.substring(2);
            radix = 16;
        } else if (radixPrefixes && text.length() > 1 && text.startsWith("0")) {
            digits = text.substring(1);
            radix = 8;
        }
        if (digits.isEmpty() || digits.length() > 12 || digits.startsWith("+") || digits.startsWith("-")) {
            return -1;
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static InetAddress address(long value) {
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
