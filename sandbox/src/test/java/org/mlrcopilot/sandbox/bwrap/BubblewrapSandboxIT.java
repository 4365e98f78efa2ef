package org.mlrcopilot.sandbox.bwrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.mlrcopilot.sandbox.ContainmentContract;
import org.mlrcopilot.sandbox.LocalCopy;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.TestSandboxes;

class BubblewrapSandboxIT extends ContainmentContract {

    private static BubblewrapSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = TestSandboxes.start("bwrap", () -> BubblewrapSandbox.start(TestSandboxes.settings()));
    }

    /** Exited processes whose parent is gone wait for the host's init to reap them; they are not running. */
    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    protected Sandbox sandbox() {
        return sandbox;
    }

    @Override
    protected void assertNothingLeftBehind() {
        List<String> alive = ProcessHandle.allProcesses()
                .filter(p -> p.info().user().map("nobody"::equals).orElse(false))
                .filter(p -> !isZombie(p.pid()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
        assertThat(alive).as("live processes of uid 65534 after the run").isEmpty();
        try (Stream<Path> copies = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(copies.filter(p -> p.getFileName().toString().startsWith(LocalCopy.PREFIX)))
                    .as("copies this process made and did not remove")
                    .isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
