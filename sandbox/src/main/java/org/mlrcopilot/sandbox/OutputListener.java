package org.mlrcopilot.sandbox;

/** Receives output lines while a run is going on, without their line terminator. */
@FunctionalInterface
public interface OutputListener {

    void onLine(OutputStream stream, String line);

    static OutputListener ignore() {
        return (stream, line) -> { };
    }

    enum OutputStream { STDOUT, STDERR }
}
