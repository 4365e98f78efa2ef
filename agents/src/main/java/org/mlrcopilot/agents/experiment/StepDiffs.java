package org.mlrcopilot.agents.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What each step changed, as a unified diff in {@code runDir/diffs/step-N.diff}. One rolling
 * snapshot of the workspace's text files is kept to diff against, not a copy per step.
 */
final class StepDiffs {

    static final String PREVIOUS = "previous";

    private StepDiffs() {}

    static void record(Run run, int step) {
        Path snapshots = run.runDir().resolve("snapshots");
        Path previous = snapshots.resolve(PREVIOUS);
        String diff = run.ws.diffFrom(Files.isDirectory(previous) ? previous : snapshots.resolve(Run.INITIAL_SNAPSHOT));
        try {
            if (!diff.isBlank()) {
                Path file = run.runDir().resolve("diffs").resolve(String.format("step-%03d.diff", step));
                Files.createDirectories(file.getParent());
                Files.writeString(file, diff);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the diff of step " + step, e);
        }
        run.ws.snapshot(PREVIOUS);
    }
}
