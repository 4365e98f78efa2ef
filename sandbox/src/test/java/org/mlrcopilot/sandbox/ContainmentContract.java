package org.mlrcopilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containment, asserted on the result and on the host, for backends that isolate. */
public abstract class ContainmentContract extends SandboxContract {

    @TempDir
    Path outside;

    @Test
    void runsAsNobodyWithNoCapabilities() throws IOException {
        ExecutionResult result = python(
                "import os\nprint('uid', os.getuid(), 'gid', os.getgid())\n"
                        + "print([l for l in open('/proc/self/status') if l.startswith(('CapEff', 'CapPrm', 'NoNewPrivs'))])\n",
                quick());

        assertThat(result.output())
                .contains("uid 65534 gid 65534")
                .contains("CapEff:\\t0000000000000000")
                .contains("CapPrm:\\t0000000000000000")
                .contains("NoNewPrivs:\\t1");
    }

    @Test
    void containsAForkBombWithThePidsLimit() throws IOException {
        ExecutionResult result = python(
                "import os, sys, time\nn = 0\ntry:\n"
                        + "    while True:\n        pid = os.fork()\n        if pid == 0:\n"
                        + "            time.sleep(120)\n            os._exit(0)\n        n += 1\n"
                        + "except OSError as e:\n    print('fork refused after', n, flush=True)\n",
                quick().withPids(64).withWallTime(Duration.ofSeconds(60)));

        assertThat(result.timedOut()).isFalse();
        assertThat(result.output()).contains("fork refused after");
        int forks = Integer.parseInt(result.output().replaceAll("(?s).*fork refused after (\\d+).*", "$1"));
        assertThat(forks).isLessThan(64);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void memoryHogIsStoppedAtTheMemoryLimit() throws IOException {
        ExecutionResult result = python(
                "blocks = []\nfor i in range(64):\n    blocks.append(b'x' * (32 << 20))\n"
                        + "print('allocated 2 GiB')\n",
                quick().withMemoryBytes(128 * Limits.MIB));

        assertThat(result.output()).doesNotContain("allocated 2 GiB");
        if (result.guarantees().contains(Guarantee.MEMORY_CGROUP)) {
            assertThat(result.oomKilled()).isTrue();
            assertThat(result.exitCode()).isEqualTo(137);
        } else {
            assertThat(result.guarantees()).contains(Guarantee.MEMORY_RLIMIT);
            assertThat(result.oomKilled()).isFalse();
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("MemoryError");
        }
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void cannotReachTheNetworkOverTcpUdpOrDns() throws Exception {
        String host = hostAddress();
        AtomicInteger tcpAccepted = new AtomicInteger();
        AtomicInteger udpReceived = new AtomicInteger();
        try (ServerSocket tcp = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
                DatagramSocket udp = new DatagramSocket(0, InetAddress.getByName("0.0.0.0"))) {
            Thread tcpThread = acceptLoop(tcp, tcpAccepted);
            Thread udpThread = receiveLoop(udp, udpReceived);
            ExecutionResult result = python(networkProbe(host, tcp.getLocalPort(), udp.getLocalPort()), quick());
            tcpThread.interrupt();
            udpThread.interrupt();

            assertThat(result.output())
                    .contains("TCP FAILED")
                    .contains("UDP FAILED")
                    .contains("DNS FAILED")
                    .doesNotContain("TCP OK")
                    .doesNotContain("UDP OK")
                    .doesNotContain("DNS OK");
            assertThat(tcpAccepted).hasValue(0);
            assertThat(udpReceived).hasValue(0);
            assertThat(result.guarantees()).contains(Guarantee.NETWORK_ISOLATED);
        }
    }

    /** Probes a TCP server and a UDP (DNS-style) responder that the host can reach, and name resolution. */
    static String networkProbe(String host, int tcpPort, int udpPort) {
        return "import socket\n"
                + "try:\n    socket.create_connection(('" + host + "', " + tcpPort
                + "), timeout=3).close(); print('TCP OK')\n"
                + "except OSError as e:\n    print('TCP FAILED', e)\n"
                + "try:\n    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(3)\n"
                + "    s.sendto(b'query', ('" + host + "', " + udpPort + ")); s.recvfrom(64); print('UDP OK')\n"
                + "except OSError as e:\n    print('UDP FAILED', e)\n"
                + "try:\n    socket.getaddrinfo('deb.debian.org', 443); print('DNS OK')\n"
                + "except OSError as e:\n    print('DNS FAILED', e)\n";
    }

    static String hostAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(ContainmentContract::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .map(InetAddress::getHostAddress)
                .findFirst()
                .orElse("127.0.0.1");
    }

    private static boolean up(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    static Thread acceptLoop(ServerSocket server, AtomicInteger accepted) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    static Thread receiveLoop(DatagramSocket socket, AtomicInteger received) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[64];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    received.incrementAndGet();
                    socket.send(new DatagramPacket(buf, p.getLength(), p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void aFileCountBombIsStoppedWithAClearReasonAndTheRunDirectoryStaysBounded() throws IOException {
        Files.writeString(workspace.resolve("keep.txt"), "as it was\n");
        ExecutionResult result = python(
                "made = 0\ntry:\n    for i in range(10**6):\n        open(f'f{i}', 'w').close()\n        made += 1\n"
                        + "except OSError as e:\n    print('refused after', made, e.strerror, flush=True)\n"
                        + "    raise\nprint('made', made)\n",
                quick().withMaxFiles(1_000).withWallTime(Duration.ofSeconds(60)));

        assertThat(result.timedOut()).as(result.output()).isFalse();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).doesNotContain("made 1000000");
        assertThat(result.limitExceeded())
                .startsWith("the code created more files than the workspace may hold (1000 files and directories, "
                        + "sandbox.maxFiles)")
                .endsWith("none of its changes were copied back, the run directory was left unchanged");
        assertThat(result.summary()).startsWith("stopped: the code created more files");
        assertThat(result.changedFiles()).isEmpty();
        try (java.util.stream.Stream<Path> all = Files.walk(workspace)) {
            assertThat(all.map(p -> workspace.relativize(p).toString()))
                    .as("the run directory holds what it held")
                    .containsExactlyInAnyOrder("", "main.py", "keep.txt");
        }
        assertThat(Files.readString(workspace.resolve("keep.txt"))).isEqualTo("as it was\n");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void cannotWriteToTheRootFilesystem() throws IOException {
        ExecutionResult result = python(
                "for path in ['/escape.txt', '/usr/escape.txt', '/usr/bin/python3', '/etc/passwd']:\n"
                        + "    try:\n        open(path, 'a').write('x'); print('WROTE', path)\n"
                        + "    except OSError as e:\n        print('REFUSED', path, e.errno)\n"
                        + "open('/tmp/scratch', 'w').write('tmp is writable')\nprint('TMP OK')\n",
                quick());

        assertThat(result.output())
                .doesNotContain("WROTE")
                .contains("REFUSED /escape.txt")
                .contains("REFUSED /usr/escape.txt")
                .contains("REFUSED /usr/bin/python3")
                .contains("TMP OK");
        assertThat(Path.of("/escape.txt")).doesNotExist();
        assertThat(Path.of("/usr/escape.txt")).doesNotExist();
        assertThat(result.guarantees()).contains(Guarantee.READ_ONLY_ROOT);
    }

    @Test
    void neverFollowsSymlinksInOrOut() throws IOException {
        Path victim = Files.createDirectories(outside.resolve("victim"));
        Files.createSymbolicLink(workspace.resolve("out"), victim);
        Files.createSymbolicLink(workspace.resolve("hostleak"), Path.of("/etc/passwd"));
        ExecutionResult result = python(
                "import os\n"
                        + "print('hostleak visible:', os.path.lexists('hostleak'), 'out visible:', os.path.lexists('out'))\n"
                        + "os.symlink('/etc/passwd', 'leak')\nos.symlink('..', 'up')\nos.symlink('/etc', 'etcdir')\n"
                        + "os.makedirs('out', exist_ok=True)\nopen('out/x', 'w').write('escaped')\n"
                        + "open('result.txt', 'w').write('ok')\n",
                quick());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("hostleak visible: False out visible: False");
        assertThat(result.changedFiles()).containsExactly("result.txt");
        assertThat(result.refusedFiles()).contains("leak", "up", "etcdir", "out/x");
        assertThat(victim.resolve("x")).doesNotExist();
        assertThat(workspace.resolve("leak")).doesNotExist();
        assertThat(Files.exists(workspace.resolve("up"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(Files.isSymbolicLink(workspace.resolve("hostleak"))).isTrue();
        assertThat(Files.readString(workspace.resolve("result.txt"))).isEqualTo("ok");
    }
}
