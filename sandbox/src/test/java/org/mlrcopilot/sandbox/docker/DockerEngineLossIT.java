package org.mlrcopilot.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.OutputListener;
import org.mlrcopilot.sandbox.TestSandboxes;

/**
 * The engine's connection lost in the middle of a run (the service talks to the engine through a proxy the test
 * cuts, then brings back): the failure is named as the sandbox's, the container left behind is removed once the
 * engine answers again, and the run is tried once more.
 */
class DockerEngineLossIT {

    private static final Path SOCKET = Path.of("/var/run/docker.sock");

    @TempDir
    Path workspace;

    private Proxy proxy;
    private DockerEngine direct;

    @BeforeEach
    void connect() throws IOException {
        direct = DockerEngine.connect();
        TestSandboxes.start("docker", () -> {
            direct.ping();
            return direct;
        });
        proxy = new Proxy(SOCKET);
        proxy.open(0);
    }

    @AfterEach
    void close() {
        proxy.cut();
        direct.close();
    }

    @Test
    void aLostEngineIsTheSandboxsFailureItsContainerIsRemovedAndTheRunTriedOnceMore() throws Exception {
        Files.writeString(
                workspace.resolve("main.py"),
                "import time\nprint('started', flush=True)\ntime.sleep(4)\nopen('out.txt', 'w').write('done')\n");
        List<String> statuses = new CopyOnWriteArrayList<>();
        AtomicBoolean cut = new AtomicBoolean();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        int port = proxy.port();
        DockerEngine viaProxy = DockerEngine.connect("tcp://127.0.0.1:" + port);
        try (DockerSandbox sandbox =
                DockerSandbox.on(viaProxy, TestSandboxes.settings(), false, Duration.ofSeconds(60))) {
            ExecutionResult result = sandbox.run(ExecutionRequest.builder(workspace, "python3", "main.py")
                    .limits(Limits.defaults().withWallTime(Duration.ofSeconds(60)))
                    .listener(new OutputListener() {
                        @Override
                        public void onLine(OutputStream stream, String line) {
                            if (line.equals("started") && cut.compareAndSet(false, true)) {
                                proxy.cut();
                                later.schedule(() -> proxy.open(port), 3, TimeUnit.SECONDS);
                            }
                        }

                        @Override
                        public void onStatus(String status) {
                            statuses.add(status);
                        }
                    })
                    .build());

            assertThat(result.succeeded())
                    .as(result.summary() + "\n" + result.output())
                    .isTrue();
            assertThat(result.changedFiles()).containsExactly("out.txt");
        } finally {
            later.shutdownNow();
        }
        assertThat(statuses)
                .singleElement()
                .asString()
                .startsWith("the sandbox failed (engine unreachable): the Docker engine at tcp://127.0.0.1:" + port
                        + " did not answer during the run")
                .contains("running it once more when the Docker engine answers");
        Map<String, String> mine = Map.of(DockerEngine.OWNER_LABEL, DockerEngine.owner());
        assertThat(direct.client()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(mine)
                        .exec())
                .as("the container the lost connection left behind is gone")
                .isEmpty();
        var volumes = direct.client()
                .listVolumesCmd()
                .withFilter("label", List.of(DockerEngine.OWNER_LABEL + "=" + DockerEngine.owner()))
                .exec()
                .getVolumes();
        assertThat(volumes == null ? List.of() : volumes).isEmpty();
    }

    /** A TCP port in front of the engine's Unix socket, which the test can cut and bring back. */
    private static final class Proxy {

        private final Path socket;
        private final List<java.io.Closeable> open = new CopyOnWriteArrayList<>();
        private volatile ServerSocketChannel server;
        private volatile int port;

        Proxy(Path socket) {
            this.socket = socket;
        }

        int port() {
            return port;
        }

        void open(int wanted) {
            try {
                ServerSocketChannel s = ServerSocketChannel.open();
                s.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
                port = ((InetSocketAddress) s.getLocalAddress()).getPort();
                server = s;
                open.add(s);
                Thread accept = new Thread(() -> accept(s), "proxy-accept");
                accept.setDaemon(true);
                accept.start();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void accept(ServerSocketChannel s) {
            while (s.isOpen()) {
                try {
                    SocketChannel client = s.accept();
                    SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                    engine.connect(UnixDomainSocketAddress.of(socket));
                    open.add(client);
                    open.add(engine);
                    pump(client, engine);
                    pump(engine, client);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pump(SocketChannel from, SocketChannel to) {
            Thread t = new Thread(
                    () -> {
                        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                        try {
                            while (from.read(buffer) >= 0) {
                                buffer.flip();
                                while (buffer.hasRemaining()) {
                                    to.write(buffer);
                                }
                                buffer.clear();
                            }
                            to.shutdownOutput();
                        } catch (IOException e) {
                            // cut
                        }
                    },
                    "proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        /** Closes the port and every connection through it. */
        void cut() {
            for (java.io.Closeable c : open) {
                try {
                    c.close();
                } catch (IOException e) {
                    // already closed
                }
            }
            open.clear();
        }
    }
}
