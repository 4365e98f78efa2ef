package org.mlrcopilot.agents.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.regex.Pattern;

/**
 * Which part of a task's hidden held-out rows the evaluation scores. A task whose {@code get_score(path, split=None)}
 * takes a {@code split} divides them into a validation half, used to choose among candidate solutions, and a test
 * half, scored once for the number that is reported; a task without it scores all rows for every part.
 */
public enum HeldOut {
    /** Every held-out row. */
    ALL("None"),
    /** The half that candidate solutions are compared on. */
    VALIDATION("'valid'"),
    /** The half that the final number is reported on, scored once. */
    TEST("'test'");

    private static final Pattern SPLIT_PARAMETER = Pattern.compile("def\\s+get_score\\s*\\([^)]*\\bsplit\\b");

    private final String python;

    HeldOut(String python) {
        this.python = python;
    }

    /** The {@code split} argument in Python. */
    String python() {
        return python;
    }

    /** Whether the task's eval.py separates validation from test rows (its get_score takes {@code split}). */
    public static boolean separates(TaskSpec task) {
        try {
            return Files.isRegularFile(task.evalScript())
                    && SPLIT_PARAMETER
                            .matcher(Files.readString(task.evalScript()))
                            .find();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + task.evalScript(), e);
        }
    }
}
