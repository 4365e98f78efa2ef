package org.mlrcopilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyBackTest {

    @TempDir
    Path workspace;

    @TempDir
    Path outside;

    private static void offer(CopyBack copyBack, String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        copyBack.file(name, bytes.length, new ByteArrayInputStream(bytes));
    }

    @Test
    void writesNewAndChangedFilesOnly() throws IOException {
        Files.writeString(workspace.resolve("same.txt"), "same");
        Files.writeString(workspace.resolve("edit.txt"), "old");
        CopyBack copyBack = new CopyBack(WorkspaceSnapshot.of(workspace, 1 << 20), 1 << 20);

        offer(copyBack, "same.txt", "same");
        offer(copyBack, "edit.txt", "new");
        offer(copyBack, "./dir/new.txt", "fresh");
        copyBack.commit();

        assertThat(copyBack.changed()).containsExactly("edit.txt", "dir/new.txt");
        assertThat(Files.readString(workspace.resolve("dir/new.txt"))).isEqualTo("fresh");
        assertThat(Files.readString(workspace.resolve("edit.txt"))).isEqualTo("new");
    }

    @Test
    void refusesPathsThatEscapeOrPassThroughSymlinks() throws IOException {
        Files.createSymbolicLink(workspace.resolve("link"), outside);
        Files.createSymbolicLink(workspace.resolve("passwd"), Path.of("/etc/passwd"));
        CopyBack copyBack = new CopyBack(WorkspaceSnapshot.of(workspace, 1 << 20), 1 << 20);

        offer(copyBack, "../escape.txt", "x");
        offer(copyBack, "/etc/evil", "x");
        offer(copyBack, "a/../../escape.txt", "x");
        offer(copyBack, "link/inside.txt", "x");
        offer(copyBack, "passwd", "x");
        copyBack.commit();

        assertThat(copyBack.changed()).isEmpty();
        assertThat(copyBack.refused()).hasSize(5);
        assertThat(outside.resolve("inside.txt")).doesNotExist();
        assertThat(workspace.getParent().resolve("escape.txt")).doesNotExist();
        assertThat(Files.isSymbolicLink(workspace.resolve("passwd"))).isTrue();
    }

    @Test
    void stopsAtTheTotalSizeCap() throws IOException {
        CopyBack copyBack = new CopyBack(WorkspaceSnapshot.of(workspace, 1 << 20), 8);
        offer(copyBack, "a.txt", "12345");
        offer(copyBack, "b.txt", "67890");
        copyBack.commit();

        assertThat(copyBack.changed()).containsExactly("a.txt");
        assertThat(copyBack.refused()).containsExactly("b.txt");
    }

    @Test
    void aFileCountBombBringsNothingBackAndLeavesTheRunDirectoryAsItWas() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print(1)");
        CopyBack copyBack = new CopyBack(WorkspaceSnapshot.of(workspace, 1 << 20, 1_000), 1 << 20, 1_000, List.of());
        offer(copyBack, "train.py", "print(2)");
        copyBack.directory("bomb/");
        int offered = 0;
        for (int i = 0; i < 1_000_000 && !copyBack.overLimit(); i++) {
            offer(copyBack, "bomb/f" + i, "");
            offered++;
        }
        copyBack.commit();

        assertThat(offered)
                .as("the reader stops at the first entry past the limit")
                .isEqualTo(999);
        assertThat(copyBack.overLimit()).isTrue();
        assertThat(copyBack.changed()).isEmpty();
        assertThat(copyBack.limitExceeded())
                .isEqualTo("the code created more files than the workspace may hold (1000 files and directories, "
                        + "sandbox.maxFiles); none of its changes were copied back, the run directory was left "
                        + "unchanged");
        assertThat(Files.readString(workspace.resolve("train.py"))).isEqualTo("print(1)");
        try (Stream<Path> left = Files.list(workspace.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no staging area left beside the workspace")
                    .noneMatch(n -> n.contains("copy-back"));
        }
        try (Stream<Path> all = Files.walk(workspace)) {
            assertThat(all).as("the run directory is as it was").hasSize(2);
        }
    }

    @Test
    void theLimitCountsTheWorkspaceAsItWasPlusWhatIsNew() throws IOException {
        for (int i = 0; i < 10; i++) {
            Files.writeString(workspace.resolve("old" + i), "x");
        }
        WorkspaceSnapshot before = WorkspaceSnapshot.of(workspace, 1 << 20, 16);
        assertThat(before.entryCount()).isEqualTo(10);

        CopyBack within = new CopyBack(before, 1 << 20, 16, List.of());
        offer(within, "old0", "changed");
        within.directory("out");
        for (int i = 0; i < 5; i++) {
            offer(within, "out/new" + i, "n");
        }
        within.commit();
        assertThat(within.limitExceeded()).isEmpty();
        assertThat(within.changed()).hasSize(6).contains("old0", "out/new4");

        CopyBack past = new CopyBack(WorkspaceSnapshot.of(workspace, 1 << 20, 17), 1 << 20, 17, List.of());
        offer(past, "old1", "changed");
        offer(past, "extra", "e");
        offer(past, "more", "m");
        past.commit();
        assertThat(past.overLimit()).as("10 + out + 5 + 2 = 18 > 17").isTrue();
        assertThat(past.changed()).isEmpty();
        assertThat(Files.readString(workspace.resolve("old1"))).isEqualTo("x");
        assertThat(workspace.resolve("extra")).doesNotExist();
    }

    @Test
    void linksAndSpecialFilesCountTowardsTheLimitToo() {
        CopyBack copyBack = new CopyBack(WorkspaceSnapshot.of(workspace, 1 << 20, 16), 1 << 20, 16, List.of());
        for (int i = 0; i < 16; i++) {
            copyBack.refuse("link" + i);
        }
        assertThat(copyBack.overLimit()).isFalse();
        copyBack.refuse("link16");
        assertThat(copyBack.overLimit()).isTrue();
    }

    @Test
    void listsAHundredRefusalsAndCountsTheRest() {
        CopyBack copyBack = new CopyBack(WorkspaceSnapshot.of(workspace, 1 << 20), 1 << 20);
        for (int i = 0; i < 300; i++) {
            copyBack.refuse("link" + i);
        }
        assertThat(copyBack.refused()).hasSize(101).contains("… and 200 more not copied back");
    }

    @Test
    void snapshotRefusesAWorkspaceHoldingMoreThanTheFileLimit() throws IOException {
        Files.createDirectories(workspace.resolve("data"));
        for (int i = 0; i < 16; i++) {
            Files.writeString(workspace.resolve("data/f" + i), "x");
        }
        assertThat(WorkspaceSnapshot.of(workspace, 1 << 20, 17).entryCount()).isEqualTo(17);
        assertThatThrownBy(() -> WorkspaceSnapshot.of(workspace, 1 << 20, 16))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("more than 16 files and directories")
                .hasMessageContaining("sandbox.maxFiles");
    }

    @Test
    void readOnlyFilesNeverComeBackChangedOrNew() throws IOException {
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/labels.csv"), "cat");
        CopyBack copyBack =
                new CopyBack(WorkspaceSnapshot.of(workspace, 1 << 20), 1 << 20, java.util.List.of("data", "*.lock"));
        offer(copyBack, "data/labels.csv", "dog");
        offer(copyBack, "data/new.csv", "planted");
        offer(copyBack, "run.lock", "x");
        offer(copyBack, "train.py", "print(1)");
        copyBack.commit();
        assertThat(Files.readString(workspace.resolve("data/labels.csv"))).isEqualTo("cat");
        assertThat(workspace.resolve("data/new.csv")).doesNotExist();
        assertThat(copyBack.changed()).containsExactly("train.py");
        assertThat(copyBack.refused())
                .containsExactly("data/labels.csv (read-only)", "data/new.csv (read-only)", "run.lock (read-only)");
        CopyBack again = new CopyBack(WorkspaceSnapshot.of(workspace, 1 << 20), 1 << 20, java.util.List.of("data"));
        offer(again, "data/labels.csv", "cat");
        assertThat(again.refused())
                .as("an unchanged read-only file is no refusal")
                .isEmpty();
    }

    @Test
    void snapshotRefusesAWorkspaceOverTheCapAndSkipsSymlinks() throws IOException {
        Files.writeString(workspace.resolve("big.bin"), "0123456789");
        Files.createSymbolicLink(workspace.resolve("passwd"), Path.of("/etc/passwd"));

        assertThat(WorkspaceSnapshot.of(workspace, 100).skipped()).containsExactly("passwd");
        assertThatThrownBy(() -> WorkspaceSnapshot.of(workspace, 5))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("sandbox.maxWorkspaceSize");
    }
}
