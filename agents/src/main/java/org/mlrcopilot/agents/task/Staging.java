package org.mlrcopilot.agents.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary directory laid out like a task, {@code env/} holding a copy of a workspace and
 * {@code scripts/} the task's hidden scripts, for the runs that may see them (prepare, scoring).
 */
final class Staging implements AutoCloseable {

    private final Path dir;

    private Staging(Path dir) {
        this.dir = dir;
    }

    static Staging of(TaskSpec task, Path workspace) {
        Staging staging = new Staging(tempDir());
        try {
            FileTrees.copyTree(workspace, staging.env());
            FileTrees.copyTree(task.scriptsDir(), staging.dir.resolve("scripts"));
            Files.createDirectories(staging.env());
            return staging;
        } catch (IOException | RuntimeException e) {
            staging.close();
            throw new TaskException("cannot stage task " + task.name() + ": " + e.getMessage(), e);
        }
    }

    /** An empty temporary directory that is deleted on close. */
    static Staging empty() {
        return new Staging(tempDir());
    }

    Path dir() {
        return dir;
    }

    Path env() {
        return dir.resolve("env");
    }

    @Override
    public void close() {
        FileTrees.deleteTree(dir);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("mlr-task-");
        } catch (IOException e) {
            throw new TaskException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }
}
