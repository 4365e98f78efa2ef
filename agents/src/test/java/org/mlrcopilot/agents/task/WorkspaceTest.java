package org.mlrcopilot.agents.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path tmp;

    private TaskSpec task;
    private Path runDir;
    private Workspace ws;

    @BeforeEach
    void setUp() {
        Path root = TaskFixtures.task(tmp.resolve("tasks"), "t", null);
        TaskFixtures.write(root.resolve("env/data/train.csv"), "x,y\n1,2\n");
        TaskFixtures.write(root.resolve("scripts/read_only_files.txt"), "data/*\n");
        task = Tasks.load(root);
        runDir = tmp.resolve("run");
        ws = Workspace.create(task, runDir);
    }

    @Test
    void isAFreshCopyAndTheTaskStaysUntouched() throws IOException {
        ws.write("train.py", "print('changed')\n");
        ws.write("notes.txt", "new\n");

        assertThat(ws.dir()).isEqualTo(runDir.resolve("workspace").toAbsolutePath());
        assertThat(ws.list("")).containsExactly("data/", "notes.txt", "train.py");
        assertThat(ws.list("data")).containsExactly("train.csv");
        assertThat(Files.readString(task.envDir().resolve("train.py"))).isEqualTo("print('hello')\n");
        assertThat(task.envDir().resolve("notes.txt")).doesNotExist();
        assertThat(ws.list(".")).doesNotContain("scripts/");
    }

    @Test
    void createRefusesAnExistingWorkspaceAndOpenResumesIt() {
        ws.write("train.py", "v2\n");

        assertThatThrownBy(() -> Workspace.create(task, runDir)).isInstanceOf(WorkspaceException.class);
        Workspace reopened = Workspace.open(task, runDir);
        assertThat(reopened.read("train.py")).isEqualTo("v2\n");
        assertThat(reopened.undo("train.py")).isTrue();
        assertThat(reopened.read("train.py")).isEqualTo("print('hello')\n");
        assertThatThrownBy(() -> Workspace.open(task, tmp.resolve("nothing"))).isInstanceOf(WorkspaceException.class);
    }

    @Test
    void readOnlyGlobsAreRefused() {
        assertThatThrownBy(() -> ws.write("data/train.csv", "x"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> ws.append("data/new.csv", "x")).isInstanceOf(WorkspaceException.class);
        assertThatThrownBy(() -> ws.copy("train.py", "./data/../data/t.csv")).isInstanceOf(WorkspaceException.class);
        assertThat(ws.read("data/train.csv")).isEqualTo("x,y\n1,2\n");
    }

    @Test
    void escapesAreRefused() throws IOException {
        Files.createSymbolicLink(ws.dir().resolve("link"), tmp);
        Files.createSymbolicLink(ws.dir().resolve("file-link"), tmp.resolve("outside.txt"));

        for (String bad : new String[] {
            "../x", "a/../../x", "/etc/passwd", tmp.resolve("x").toString(), "link/x", "file-link"
        }) {
            assertThatThrownBy(() -> ws.write(bad, "x")).as(bad).isInstanceOf(WorkspaceException.class);
        }
        assertThatThrownBy(() -> ws.read("../run/workspace/train.py")).isInstanceOf(WorkspaceException.class);
        assertThatThrownBy(() -> ws.read("link/outside.txt")).isInstanceOf(WorkspaceException.class);
        assertThatThrownBy(() -> ws.list("..")).isInstanceOf(WorkspaceException.class);
        assertThat(tmp.resolve("x")).doesNotExist();
        assertThat(tmp.resolve("outside.txt")).doesNotExist();
    }

    @Test
    void undoIsAStackPerFile() {
        ws.write("train.py", "v2\n");
        ws.append("train.py", "more\n");
        ws.write("other.py", "o\n");

        assertThat(ws.read("train.py")).isEqualTo("v2\nmore\n");
        assertThat(ws.undo("train.py")).isTrue();
        assertThat(ws.read("train.py")).isEqualTo("v2\n");
        assertThat(ws.undo("train.py")).isTrue();
        assertThat(ws.read("train.py")).isEqualTo("print('hello')\n");
        assertThat(ws.undo("train.py")).isFalse();
        assertThat(ws.undo("other.py")).isTrue();
        assertThat(ws.dir().resolve("other.py")).doesNotExist();
    }

    @Test
    void copyKeepsABackupOfTheTarget() {
        ws.write("b.py", "b\n");
        ws.copy("train.py", "b.py");

        assertThat(ws.read("b.py")).isEqualTo("print('hello')\n");
        assertThat(ws.undo("b.py")).isTrue();
        assertThat(ws.read("b.py")).isEqualTo("b\n");
    }

    @Test
    void diffShowsEditsNewAndRemovedFiles() throws IOException {
        TaskFixtures.write(ws.dir().resolve("gone.txt"), "bye\n");
        Path before = ws.snapshot("before");
        ws.write("train.py", "import sys\nprint('hello')\n");
        ws.write("src/model.py", "class Model:\n    pass\n");
        Files.delete(ws.dir().resolve("gone.txt"));

        String diff = ws.diffFrom(before);

        assertThat(diff).contains("--- a/train.py\n+++ b/train.py\n@@ -1,1 +1,2 @@\n+import sys\n print('hello')\n");
        assertThat(diff).contains("--- /dev/null\n+++ b/src/model.py\n@@ -0,0 +1,2 @@\n+class Model:\n+    pass\n");
        assertThat(diff).contains("--- a/gone.txt\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-bye\n");
        assertThat(diff).doesNotContain("data/train.csv");
        assertThat(ws.diffFrom(task.envDir())).contains("+++ b/train.py").contains("+++ b/src/model.py");
    }

    @Test
    void snapshotRecordsBinaryAndLargeFilesBySizeAndHash() throws IOException {
        Files.write(ws.dir().resolve("model.bin"), new byte[] {1, 0, 2});
        Files.writeString(ws.dir().resolve("big.txt"), "x".repeat((int) FileTrees.TEXT_LIMIT_BYTES + 1));
        Path snap = ws.snapshot("s1");

        assertThat(snap.resolve("model.bin")).doesNotExist();
        assertThat(snap.resolve("big.txt")).doesNotExist();
        assertThat(snap.resolve("train.py")).exists();
        assertThat(ws.diffFrom(snap)).isEmpty();

        Files.write(ws.dir().resolve("model.bin"), new byte[] {1, 0, 3});
        assertThat(ws.diffFrom(snap)).isEqualTo("Binary files a/model.bin and b/model.bin differ (3 -> 3 bytes)\n");
        assertThatThrownBy(() -> ws.snapshot("../x")).isInstanceOf(WorkspaceException.class);
    }

    @Test
    void diffOfDistantEditsHasSeparateHunks() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            text.append("line ").append(i).append('\n');
        }
        ws.write("f.txt", text.toString());
        Path before = ws.snapshot("b");
        ws.write("f.txt", text.toString().replace("line 2\n", "line two\n").replace("line 18\n", ""));

        String diff = ws.diffFrom(before);

        assertThat(diff).contains("@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n");
        assertThat(diff).contains("@@ -15,6 +15,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n");
    }
}
