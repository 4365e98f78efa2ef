package org.mlrcopilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every backend keeps. Containment checks run where the backend claims the
 * guarantee; where it does not, the test checks it does not claim it (and never runs the
 * dangerous code on the host).
 */
public abstract class SandboxContract {

    protected static final String SECRET = "sk-contract-secret-3f9a1c";

    @TempDir
    protected Path workspace;

    /** The backend under test, configured with {@link #SECRET} as a secret value. */
    protected abstract Sandbox sandbox();

    /** Fails if the backend left anything behind (containers, volumes, processes, temp copies). */
    protected abstract void assertNothingLeftBehind();

    @AfterEach
    void nothingLeftBehind() {
        assertNothingLeftBehind();
    }

    protected ExecutionResult python(String script, Limits limits) throws IOException {
        return python(script, limits, OutputListener.ignore());
    }

    protected ExecutionResult python(String script, Limits limits, OutputListener listener) throws IOException {
        Files.writeString(workspace.resolve("main.py"), script);
        return sandbox()
                .run(ExecutionRequest.builder(workspace, "python3", "main.py")
                        .limits(limits)
                        .listener(listener)
                        .build());
    }

    protected static Limits quick() {
        return Limits.defaults()
                .withWallTime(Duration.ofSeconds(60))
                .withMemoryBytes(512 * Limits.MIB)
                .withPids(64);
    }

    @Test
    void runsCodeAndReportsExitCodeOutputAndBackend() throws IOException {
        ExecutionResult result = python(
                "import sys\nprint('hello from', sys.version_info[0])\n"
                        + "print('to stderr', file=sys.stderr)\nsys.exit(3)\n",
                quick());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("hello from 3").contains("to stderr");
        assertThat(result.timedOut()).isFalse();
        assertThat(result.oomKilled()).isFalse();
        assertThat(result.backend()).isEqualTo(sandbox().backend());
        assertThat(result.guarantees()).isEqualTo(sandbox().guarantees());
        assertThat(result.outputBytes()).isEqualTo(result.output().getBytes().length);
        assertThat(result.droppedBytes()).isZero();
    }

    @Test
    void copiesNewAndChangedFilesBackAndLeavesUnchangedOnesAlone() throws IOException {
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/input.txt"), "1 2 3\n");
        Files.writeString(workspace.resolve("data/unchanged.txt"), "keep\n");
        ExecutionResult result = python(
                "import os\n"
                        + "nums = open('data/input.txt').read().split()\n"
                        + "open('data/input.txt', 'w').write('changed\\n')\n"
                        + "os.makedirs('out/deep', exist_ok=True)\n"
                        + "open('out/deep/sum.txt', 'w').write(str(sum(map(int, nums))))\n",
                quick());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.changedFiles()).containsExactlyInAnyOrder("data/input.txt", "out/deep/sum.txt");
        assertThat(Files.readString(workspace.resolve("out/deep/sum.txt"))).isEqualTo("6");
        assertThat(Files.readString(workspace.resolve("data/input.txt"))).isEqualTo("changed\n");
        assertThat(Files.readString(workspace.resolve("data/unchanged.txt"))).isEqualTo("keep\n");
    }

    @Test
    void whatTheCodeWritesToReadOnlyFilesNeverComesBack() throws IOException {
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/labels.csv"), "id,label\n1,cat\n");
        Files.writeString(
                workspace.resolve("main.py"),
                "import os\n"
                        + "open('data/labels.csv', 'w').write('id,label\\n1,whatever the model said\\n')\n"
                        + "open('data/extra.csv', 'w').write('planted\\n')\n"
                        + "open('notes.txt', 'w').write('fine\\n')\n");
        ExecutionResult result = sandbox()
                .run(ExecutionRequest.builder(workspace, "python3", "main.py")
                        .limits(quick())
                        .readOnly(List.of("data"))
                        .build());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readString(workspace.resolve("data/labels.csv")))
                .as("the evaluation's data as it was")
                .isEqualTo("id,label\n1,cat\n");
        assertThat(workspace.resolve("data/extra.csv")).doesNotExist();
        assertThat(Files.readString(workspace.resolve("notes.txt"))).isEqualTo("fine\n");
        assertThat(result.refusedFiles()).contains("data/labels.csv (read-only)", "data/extra.csv (read-only)");
        assertThat(result.changedFiles()).containsExactly("notes.txt");
    }

    @Test
    void streamsLinesWhileRunningAndKeepsAFinalLineWithoutNewline() throws IOException {
        List<String> lines = new CopyOnWriteArrayList<>();
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        ExecutionResult result = python(
                "import sys, time\nprint('first', flush=True)\ntime.sleep(3)\n"
                        + "sys.stdout.write('last line without newline')\n",
                quick(),
                (stream, line) -> {
                    lines.add(line);
                    arrivals.add(System.nanoTime());
                });
        long returned = System.nanoTime();

        assertThat(result.output()).endsWith("last line without newline");
        assertThat(lines).containsExactly("first", "last line without newline");
        assertThat(Duration.ofNanos(returned - arrivals.get(0))).isGreaterThan(Duration.ofMillis(1500));
    }

    @Test
    void capsOutputCountsDroppedBytesAndKeepsServiceMemoryFlat() throws IOException {
        long usedBefore = usedHeapAfterGc();
        ExecutionResult result = python(
                "import sys\nline = 'x' * 99 + '\\n'\n" + "for _ in range(500000):\n    sys.stdout.write(line)\n",
                quick().withOutputBytes(Limits.MIB));
        long usedAfter = usedHeapAfterGc();

        assertThat(result.exitCode()).isZero();
        assertThat(result.outputBytes()).isEqualTo(50_000_000L);
        assertThat(result.output().length()).isEqualTo((int) Limits.MIB);
        assertThat(result.droppedBytes()).isEqualTo(50_000_000L - Limits.MIB);
        assertThat(usedAfter - usedBefore).isLessThan(32 * Limits.MIB);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void killsABusyLoopAtTheWallTimeLimit() throws IOException {
        ExecutionResult result = python("while True:\n    pass\n", quick().withWallTime(Duration.ofSeconds(3)));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.duration()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(20));
    }

    @Test
    void refusesASecretInTheRequestAndNeverLeaksOneIntoTheSandbox() throws IOException {
        assertThatThrownBy(() -> sandbox()
                        .run(ExecutionRequest.builder(workspace, "env")
                                .env("TOKEN", "Bearer " + SECRET)
                                .limits(quick())
                                .build()))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("TOKEN")
                .hasMessageNotContaining(SECRET);

        ExecutionResult result = sandbox()
                .run(ExecutionRequest.builder(workspace, "sh", "-c", "env; cat /proc/self/environ | tr '\\0' '\\n'")
                        .env("VISIBLE", "yes")
                        .limits(quick())
                        .build());
        assertThat(result.output())
                .contains("VISIBLE=yes")
                .doesNotContain(SECRET)
                .doesNotContain("HOME=" + System.getProperty("user.home") + "\n");
        if (result.backend().equals("process")) {
            assertThat(result.guarantees())
                    .as("the service's own environment is readable from beside it")
                    .doesNotContain(Guarantee.ENVIRONMENT_CLEARED);
        } else {
            assertThat(result.guarantees()).contains(Guarantee.ENVIRONMENT_CLEARED);
        }
    }
}
