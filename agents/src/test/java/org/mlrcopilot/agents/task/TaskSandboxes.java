package org.mlrcopilot.agents.task;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.Supplier;
import org.mlrcopilot.sandbox.SandboxException;

/**
 * Starts a sandbox backend for tests. With -Dmlr.requireSandboxes=true (CI sets it) a backend that
 * cannot start fails the test run; otherwise its tests are skipped with the reason.
 */
final class TaskSandboxes {

    private TaskSandboxes() {}

    static boolean required() {
        return Boolean.getBoolean("mlr.requireSandboxes");
    }

    static <T> T start(String name, Supplier<T> starter) {
        try {
            return starter.get();
        } catch (SandboxException e) {
            if (required()) {
                fail(name + " backend is required (mlr.requireSandboxes=true) but cannot start: " + e.getMessage(), e);
            }
            assumeTrue(false, name + " backend unavailable: " + e.getMessage());
            return null;
        }
    }
}
