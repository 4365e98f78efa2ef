package org.mlrcopilot.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.OutputListener;
import org.mlrcopilot.sandbox.SandboxFailureException;
import org.mlrcopilot.sandbox.SandboxSettings;

/** docker-java pointed at a port nothing listens on: the run fails as the sandbox's failure, in plain words. */
class DockerUnreachableTest {

    @TempDir
    Path workspace;

    @Test
    void anEngineThatDoesNotAnswerIsNamedAsTheSandboxsFailureAfterABoundedWait() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(workspace.resolve("main.py"), "print('never runs')\n");
        List<String> statuses = new CopyOnWriteArrayList<>();
        DockerEngine dead = DockerEngine.connect("tcp://127.0.0.1:" + port);
        long start = System.nanoTime();
        try (DockerSandbox sandbox = DockerSandbox.on(dead, SandboxSettings.defaults(), false, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> sandbox.run(ExecutionRequest.builder(workspace, "python3", "main.py")
                            .listener(new OutputListener() {
                                @Override
                                public void onLine(OutputStream stream, String line) {}

                                @Override
                                public void onStatus(String status) {
                                    statuses.add(status);
                                }
                            })
                            .build()))
                    .isInstanceOf(SandboxFailureException.class)
                    .hasMessageStartingWith(
                            "the sandbox failed (engine unreachable): the Docker engine at tcp://127.0.0.1:" + port
                                    + " did not answer during the run (")
                    .hasMessageContaining("the engine did not answer again within 2s")
                    .hasMessageNotContaining("Exception")
                    .hasMessageNotContaining("java.")
                    .satisfies(e -> assertThat(((SandboxFailureException) e).retryable())
                            .isTrue());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(statuses).singleElement().asString().contains("running it once more when the Docker engine answers");
        assertThat(Files.readString(workspace.resolve("main.py"))).isEqualTo("print('never runs')\n");
    }
}
