package org.mlrcopilot.agents.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Loads tasks in the MLAgentBench layout: {@code <task>/env/} and {@code <task>/scripts/}. */
public final class Tasks {

    private Tasks() {}

    public static TaskSpec load(Path taskDir) {
        Path root = taskDir.toAbsolutePath().normalize();
        String name = root.getFileName() == null
                ? root.toString()
                : root.getFileName().toString();
        require(Files.isDirectory(root), name, "no task directory at " + root);
        require(
                Files.isDirectory(root.resolve("env")),
                name,
                "missing env/ directory (the starter code and data) at " + root.resolve("env"));
        Path scripts = root.resolve("scripts");
        Path problem = scripts.resolve("research_problem.txt");
        require(Files.isRegularFile(problem), name, "missing scripts/research_problem.txt at " + problem);
        Path eval = scripts.resolve("eval.py");
        require(Files.isRegularFile(eval), name, "missing scripts/eval.py (must define get_score(path)) at " + eval);
        TaskYaml yaml = yaml(name, scripts.resolve("task.yaml"));
        Path prepare = scripts.resolve("prepare.py");
        return new TaskSpec(
                name,
                root,
                read(problem).strip(),
                readOnlyGlobs(scripts.resolve("read_only_files.txt")),
                yaml.run(),
                yaml.metric(),
                yaml.direction(),
                Files.isRegularFile(prepare) ? Optional.of(prepare) : Optional.empty(),
                eval,
                yaml.timed());
    }

    /** Every task directory (one holding env/ or scripts/) directly under {@code tasksRoot}, by name. */
    public static List<TaskSpec> discover(Path tasksRoot) {
        if (!Files.isDirectory(tasksRoot)) {
            throw new TaskException("no tasks directory at " + tasksRoot.toAbsolutePath());
        }
        try (Stream<Path> children = Files.list(tasksRoot)) {
            return children.filter(Files::isDirectory)
                    .filter(d -> Files.isDirectory(d.resolve("env")) || Files.isDirectory(d.resolve("scripts")))
                    .sorted()
                    .map(Tasks::load)
                    .toList();
        } catch (IOException e) {
            throw new TaskException("cannot list tasks in " + tasksRoot + ": " + e.getMessage(), e);
        }
    }

    private static TaskYaml yaml(String name, Path file) {
        if (!Files.isRegularFile(file)) {
            return TaskYaml.DEFAULTS;
        }
        try {
            return TaskYaml.parse(read(file));
        } catch (TaskException e) {
            throw new TaskException("task " + name + ": bad scripts/task.yaml: " + e.getMessage(), e);
        }
    }

    static List<String> readOnlyGlobs(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return read(file)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static void require(boolean condition, String name, String problem) {
        if (!condition) {
            throw new TaskException("task " + name + ": " + problem);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new TaskException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
