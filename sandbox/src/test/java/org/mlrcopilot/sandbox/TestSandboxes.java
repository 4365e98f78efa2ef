package org.mlrcopilot.sandbox;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.function.Supplier;

/**
 * Starts backends for tests. With -Dmlr.requireSandboxes=true (CI sets it) a backend that cannot
 * start fails the test run; otherwise its tests are skipped with the reason.
 */
public final class TestSandboxes {

    private TestSandboxes() {}

    public static SandboxSettings settings() {
        return SandboxSettings.defaults().withSecretValues(List.of(SandboxContract.SECRET));
    }

    public static boolean required() {
        return Boolean.getBoolean("mlr.requireSandboxes");
    }

    public static <T> T start(String name, Supplier<T> starter) {
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
