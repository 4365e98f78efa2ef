package org.mlrcopilot.sandbox.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.LocalCopy;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxContract;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.TestSandboxes;

/** The unsafe backend keeps the functional contract and claims no containment it does not give. */
class ProcessSandboxIT extends SandboxContract {

    private static ProcessSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = ProcessSandbox.start(TestSandboxes.settings(), true);
    }

    @Override
    protected Sandbox sandbox() {
        return sandbox;
    }

    @Override
    protected void assertNothingLeftBehind() {
        try (Stream<Path> copies = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(copies.filter(p -> p.getFileName().toString().startsWith(LocalCopy.PREFIX)))
                    .as("copies this process made and did not remove")
                    .isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void isRefusedUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> ProcessSandbox.start(TestSandboxes.settings(), false))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("sandbox.allowUnsafeProcess=true");
    }

    @Test
    void claimsNoContainmentAndReallyHasNone() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket tcp = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            Thread t = new Thread(() -> {
                try (var s = tcp.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    // closed
                }
            });
            t.start();
            ExecutionResult result = python(
                    "import socket\nsocket.create_connection(('127.0.0.1', " + tcp.getLocalPort()
                            + "), timeout=3).close()\nprint('TCP OK')\n",
                    quick());
            t.join(5000);

            assertThat(result.output()).contains("TCP OK");
            assertThat(accepted).hasValue(1);
            assertThat(result.guarantees())
                    .doesNotContain(
                            Guarantee.NETWORK_ISOLATED,
                            Guarantee.READ_ONLY_ROOT,
                            Guarantee.MEMORY_CGROUP,
                            Guarantee.MEMORY_RLIMIT,
                            Guarantee.PIDS_CGROUP,
                            Guarantee.NON_ROOT_USER);
        }
    }
}
