package org.mlrcopilot.papers.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangesTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback",
        "127.255.255.254, loopback",
        "::1, loopback",
        "0.0.0.0, unspecified",
        "::, unspecified",
        "0.1.2.3, this network",
        "10.0.0.1, private",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.168.1.1, private",
        "169.254.169.254, metadata",
        "169.254.1.1, link-local",
        "fe80::1, link-local",
        "febf::1, link-local",
        "100.64.0.1, carrier-grade NAT",
        "100.127.255.255, carrier-grade NAT",
        "224.0.0.1, multicast",
        "239.255.255.250, multicast",
        "ff02::1, multicast",
        "255.255.255.255, broadcast",
        "fc00::1, unique-local",
        "fdff::1, unique-local",
        "198.18.0.1, benchmarking",
        "198.19.255.255, benchmarking",
        "240.0.0.1, reserved",
        "::ffff:127.0.0.1, loopback",
        "::ffff:10.1.2.3, private",
        "::7f00:1, loopback address embedded in IPv6",
        "64:ff9b::a9fe:a9fe, metadata",
        "2002:7f00:1::, loopback address embedded in IPv6",
        "64:ff9b:1::1, NAT64",
        "2001:db8::1, documentation",
        "2001:0:4136:e378::1, Teredo"
    })
    void blockedRangesAreNamed(String address, String what) throws UnknownHostException {
        assertThat(AddressRanges.classify(InetAddress.getByName(address)))
                .hasValueSatisfying(description -> assertThat(description).contains(what));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "93.184.216.34",
                "172.15.255.255",
                "172.32.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "169.253.255.255",
                "198.17.255.255",
                "198.20.0.1",
                "223.255.255.255",
                "11.0.0.1",
                "2606:4700:4700::1111",
                "2a00:1450:4001:80b::200e",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "fbff::1"
            })
    void publicAddressesPass(String address) throws UnknownHostException {
        assertThat(AddressRanges.classify(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "2130706433, 127.0.0.1",
        "0x7f.0.0.1, 127.0.0.1",
        "0x7f000001, 127.0.0.1",
        "0177.0.0.1, 127.0.0.1",
        "127.1, 127.0.0.1",
        "127.0.0.1., 127.0.0.1",
        "10.1, 10.0.0.1",
        "0251.0376.0251.0376, 169.254.169.254",
        "8.8.8.8, 8.8.8.8",
        "[::1], 0:0:0:0:0:0:0:1"
    })
    void legacyIpv4SpellingsAreRead(String host, String expected) {
        assertThat(IpLiterals.parse(host))
                .hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo(expected));
    }

    @Test
    void allDigitHostsAreAlsoReadAsDecimal() {
        assertThat(IpLiterals.interpretations("0010.0.0.1"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("8.0.0.1", "10.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "example.com",
                "arxiv.org",
                "1.2.3.4.5",
                "256.1.1.1",
                "0x",
                "deadbeef",
                "1e3",
                "123.example",
                "",
                "4294967296"
            })
    void namesAndInvalidNumbersAreNotLiterals(String host) {
        assertThat(IpLiterals.parse(host)).isEmpty();
    }
}
