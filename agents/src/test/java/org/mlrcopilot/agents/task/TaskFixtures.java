package org.mlrcopilot.agents.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example tasks shipped with the repository and small tasks written for a test. */
final class TaskFixtures {

    private TaskFixtures() {}

    static Path examples() {
        for (Path candidate : new Path[] {Path.of("../tasks"), Path.of("tasks")}) {
            if (Files.isDirectory(candidate.resolve("digits-classifier"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(
                "example tasks not found from " + Path.of("").toAbsolutePath());
    }

    /** A minimal task: env/train.py, research problem, eval.py and the given task.yaml (null: none). */
    static Path task(Path parent, String name, String taskYaml) {
        Path root = parent.resolve(name);
        write(root.resolve("env/train.py"), "print('hello')\n");
        write(root.resolve("scripts/research_problem.txt"), "Make it better.\n");
        write(root.resolve("scripts/eval.py"), "def get_score(path):\n    return 1.0\n");
        if (taskYaml != null) {
            write(root.resolve("scripts/task.yaml"), taskYaml);
        }
        return root;
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
