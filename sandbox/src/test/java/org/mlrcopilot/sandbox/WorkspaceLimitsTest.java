package org.mlrcopilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace copy's own limits: a tmpfs the kernel bounds where one can be mounted, else a watch. */
class WorkspaceLimitsTest {

    @TempDir
    Path workspace;

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.count() - 1;
        }
    }

    @Test
    void aWatchStopsAProcessThatMakesTooManyFilesWithTheReason() throws IOException {
        Files.writeString(workspace.resolve("main.sh"), "i=0\nwhile :; do : > f$i; i=$((i+1)); done\n");
        WorkspaceSnapshot before = WorkspaceSnapshot.of(workspace, 1 << 20, 100);
        try (LocalCopy copy = LocalCopy.of(before)) {
            OutputCapture capture = new OutputCapture(4096, OutputListener.ignore());
            HostProcess.Outcome outcome = HostProcess.run(
                    List.of("sh", "main.sh"),
                    copy.dir(),
                    Map.of("PATH", "/usr/bin:/bin"),
                    Duration.ofSeconds(60),
                    capture,
                    stop -> copy.watch(100, 1 << 20, stop));

            assertThat(outcome.timedOut()).isFalse();
            assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(20));
            assertThat(outcome.stoppedBy())
                    .startsWith("the code created more files than the workspace may hold (100 files and directories")
                    .contains("and was stopped");
            CopyBack copyBack = new CopyBack(before, 1 << 20, 100, List.of());
            copy.copyBack(copyBack);
            ExecutionResult result = outcome.toResult(capture, copyBack, "process", java.util.Set.of());
            assertThat(result.succeeded()).isFalse();
            assertThat(result.limitExceeded()).isEqualTo(outcome.stoppedBy());
            assertThat(result.changedFiles()).isEmpty();
        }
        assertThat(entries(workspace)).as("the run directory is as it was").isEqualTo(1);
    }

    @Test
    void aWatchSeesBytesPastTheLimit() throws IOException {
        Files.write(workspace.resolve("big"), new byte[4096]);
        assertThat(WorkspaceWatch.check(workspace, 10, 8192)).isEmpty();
        Files.write(workspace.resolve("bigger"), new byte[8192]);
        assertThat(WorkspaceWatch.check(workspace, 10, 8192))
                .isEqualTo("the code wrote more than 8192 bytes into the workspace (the workspace as it was plus "
                        + "sandbox.maxWorkspaceSize) and was stopped");
    }

    @Test
    void aBoundedCopyIsATmpfsThatHoldsNoMoreThanOneEntryPastTheLimit() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print(1)");
        WorkspaceSnapshot before = WorkspaceSnapshot.of(workspace, 1 << 20, 50);
        Path dir;
        try (LocalCopy copy = LocalCopy.bounded(before, 50, 1 << 20)) {
            assumeTrue(copy.bounded(), "no tmpfs can be mounted here (not root, or no right to mount)");
            dir = copy.dir();
            assertThat(Files.readString(dir.resolve("train.py"))).isEqualTo("print(1)");
            int made = 0;
            try {
                for (; made < 1000; made++) {
                    Files.createFile(dir.resolve("f" + made));
                }
            } catch (IOException e) {
                assertThat(e.getMessage()).contains("No space left on device");
            }
            assertThat(made).as("train.py and 50 more: one past the limit").isEqualTo(50);
            CopyBack copyBack = new CopyBack(before, 1 << 20, 50, List.of());
            copy.copyBack(copyBack);
            assertThat(copyBack.overLimit()).isTrue();
            assertThat(copyBack.changed()).isEmpty();
        }
        assertThat(dir).doesNotExist();
        assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(dir.toString());
        assertThat(entries(workspace)).isEqualTo(1);
    }

    @Test
    void theTmpfsOfAProcessThatDiedIsUnmountedAndRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dir = Files.createTempDirectory("mlr-ws-");
        Process mount = new ProcessBuilder(
                        "mount", "-t", "tmpfs", "-o", "size=1m", "mlr-workspace-" + gone.pid(), dir.toString())
                .redirectErrorStream(true)
                .start();
        boolean mounted = mount.waitFor() == 0;
        if (!mounted) {
            Files.delete(dir);
        }
        assumeTrue(mounted, "cannot mount a tmpfs here (not root, or no right to mount)");
        assertThat(Files.readString(Path.of("/proc/self/mounts"))).contains(dir.toString());

        Tmpfs.unmountOrphans();

        assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(dir.toString());
        assertThat(dir).doesNotExist();
    }
}
