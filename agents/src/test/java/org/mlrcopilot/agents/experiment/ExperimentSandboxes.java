package org.mlrcopilot.agents.experiment;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.mlrcopilot.sandbox.SandboxException;

/**
 * Starts a sandbox backend for tests. With -Dmlr.requireSandboxes=true a backend that cannot start fails the test
 * run; otherwise its tests are skipped with the reason.
 */
final class ExperimentSandboxes {

    private ExperimentSandboxes() {}

    static <T> T start(String name, Supplier<T> starter) {
        try {
            return starter.get();
        } catch (SandboxException e) {
            if (Boolean.getBoolean("mlr.requireSandboxes")) {
                fail(name + " backend is required (mlr.requireSandboxes=true) but cannot start: " + e.getMessage(), e);
            }
            assumeTrue(false, name + " backend unavailable: " + e.getMessage());
            return null;
        }
    }

    static Path examples() {
        for (Path candidate : new Path[] {Path.of("../tasks"), Path.of("tasks")}) {
            if (Files.isDirectory(candidate.resolve("digits-classifier"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(
                "example tasks not found from " + Path.of("").toAbsolutePath());
    }
}
