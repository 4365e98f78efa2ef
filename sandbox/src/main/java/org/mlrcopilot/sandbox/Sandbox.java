package org.mlrcopilot.sandbox;

import java.util.Set;

/**
 * Runs untrusted code. One execution = a fresh copy of a workspace, a command and its limits.
 * A failed, killed or timed-out run is a result, not an exception; exceptions mean the sandbox
 * itself could not do its job (engine unreachable, image missing, bad request), a
 * {@link SandboxFailureException} when it failed a run it had begun (never to be blamed on the code).
 */
public interface Sandbox extends AutoCloseable {

    ExecutionResult run(ExecutionRequest request);

    /** Short backend name as reported in results: docker, bwrap or process. */
    String backend();

    /** The protections this backend actually enforces on every run. */
    Set<Guarantee> guarantees();

    /**
     * What keeps this backend from running code now (its engine unreachable, say), empty when nothing does. Quick:
     * made for a health check.
     */
    default java.util.Optional<String> problem() {
        return java.util.Optional.empty();
    }

    @Override
    default void close() {}
}
