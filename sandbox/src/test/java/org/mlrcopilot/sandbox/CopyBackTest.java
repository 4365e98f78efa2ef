package org.mlrcopilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

        assertThat(copyBack.changed()).containsExactly("a.txt");
        assertThat(copyBack.refused()).containsExactly("b.txt");
    }

    @Test
    void aFileCountBombFillsNeitherTheRunDirectoryNorTheMemory() throws IOException {
        CopyBack copyBack = new CopyBack(WorkspaceSnapshot.of(workspace, 1 << 20), 1 << 20);
        int made = CopyBack.MAX_FILES + 2_500;
        for (int i = 0; i < made; i++) {
            offer(copyBack, "bomb/f" + i, "");
        }
        for (int i = 0; i < 300; i++) {
            copyBack.refuse("link" + i);
        }
        assertThat(copyBack.changed()).hasSize(CopyBack.MAX_FILES);
        try (var files = Files.list(workspace.resolve("bomb"))) {
            assertThat(files.count()).as("the run directory is bounded").isEqualTo(CopyBack.MAX_FILES);
        }
        assertThat(copyBack.refused())
                .hasSize(102)
                .contains("… and 200 more not copied back")
                .contains(
                        "2500 more new or changed files not copied back: one execution brings back at most 10000 files");
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
