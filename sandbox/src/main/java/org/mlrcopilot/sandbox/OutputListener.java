package org.mlrcopilot.sandbox;

/** Receives output lines while a run is going on, without their line terminator. */
@FunctionalInterface
public interface OutputListener {

    void onLine(OutputStream stream, String line);

    /**
     * The backend's own word on a run that has not started, e.g. "queued on Slurm (Resources) for 1m20s"; called
     * now and then while it waits.
     */
    default void onStatus(String status) {}

    static OutputListener ignore() {
        return (stream, line) -> {};
    }

    enum OutputStream {
        STDOUT,
        STDERR
    }
}
