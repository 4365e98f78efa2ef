package org.mlrcopilot.agents.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The agent's copy of a task's env/ at {@code <runDir>/workspace}; the task itself is never edited.
 * Writes refuse read-only globs and paths leaving the workspace, and keep the previous version for undo.
 */
public final class Workspace {

    private final TaskSpec task;
    private final Path runDir;
    private final Path dir;
    private final WorkspacePaths paths;
    private final Backups backups;

    private Workspace(TaskSpec task, Path runDir) {
        this.task = task;
        this.runDir = runDir.toAbsolutePath().normalize();
        this.dir = this.runDir.resolve("workspace");
        this.paths = new WorkspacePaths(dir, task.readOnlyGlobs());
        this.backups = new Backups(this.runDir.resolve("backups"));
    }

    /** Copies the task's env/ to {@code runDir/workspace}, which must not exist yet. */
    public static Workspace create(TaskSpec task, Path runDir) {
        Workspace ws = new Workspace(task, runDir);
        if (Files.exists(ws.dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new WorkspaceException("a workspace already exists at " + ws.dir + "; open it to resume");
        }
        try {
            Files.createDirectories(ws.dir);
            FileTrees.copyTree(task.envDir(), ws.dir);
        } catch (IOException | RuntimeException e) {
            throw new WorkspaceException("cannot create the workspace at " + ws.dir + ": " + e.getMessage(), e);
        }
        return ws;
    }

    /** Reopens the workspace of an earlier run (to resume it). */
    public static Workspace open(TaskSpec task, Path runDir) {
        Workspace ws = new Workspace(task, runDir);
        if (!Files.isDirectory(ws.dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new WorkspaceException("no workspace at " + ws.dir);
        }
        return ws;
    }

    public Path dir() {
        return dir;
    }

    public Path runDir() {
        return runDir;
    }

    public TaskSpec task() {
        return task;
    }

    /** Entries of a directory ("" or "." for the top), sorted, directories ending in "/". */
    public List<String> list(String relativeDir) {
        Path target = relativeDir == null || relativeDir.isBlank() ? dir : paths.resolve(relativeDir);
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new WorkspaceException("not a directory: " + relativeDir);
        }
        try (Stream<Path> entries = Files.list(target)) {
            return entries.map(p -> p.getFileName() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new WorkspaceException("cannot list " + relativeDir + ": " + e.getMessage(), e);
        }
    }

    public String read(String relative) {
        Path file = paths.resolve(relative);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new WorkspaceException("no such file: " + relative);
        }
        String text = FileTrees.textOrNull(file);
        if (text == null) {
            throw new WorkspaceException(relative + " is not a text file of at most 1 MB");
        }
        return text;
    }

    public void write(String relative, String content) {
        store(relative, content.getBytes(StandardCharsets.UTF_8), false);
    }

    public void append(String relative, String content) {
        store(relative, content.getBytes(StandardCharsets.UTF_8), true);
    }

    public void copy(String from, String to) {
        Path source = paths.resolve(from);
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new WorkspaceException("no such file: " + from);
        }
        try {
            store(to, Files.readAllBytes(source), false);
        } catch (IOException e) {
            throw new WorkspaceException("cannot read " + from + ": " + e.getMessage(), e);
        }
    }

    /** Restores the version before the last write, append or copy to {@code relative}; false if there is none. */
    public boolean undo(String relative) {
        Path file = paths.writable(relative);
        return backups.pop(paths.relative(file), file);
    }

    /** Unified diff of the workspace's files against a snapshot (or any directory), new and removed files too. */
    public String diffFrom(Path snapshotDir) {
        return TreeDiff.diff(Snapshots.read(snapshotDir), Snapshots.read(dir));
    }

    /** Copies the workspace's text files to {@code runDir/snapshots/<label>}; binary and large ones by size and hash. */
    public Path snapshot(String label) {
        return Snapshots.take(dir, runDir.resolve("snapshots"), label);
    }

    private void store(String relative, byte[] content, boolean append) {
        Path file = paths.writable(relative);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new WorkspaceException(relative + " is a directory");
        }
        backups.push(paths.relative(file), file);
        try {
            Files.createDirectories(file.getParent());
            Files.write(
                    file,
                    content,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new WorkspaceException("cannot write " + relative + ": " + e.getMessage(), e);
        }
    }
}
