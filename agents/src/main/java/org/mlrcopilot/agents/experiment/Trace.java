package org.mlrcopilot.agents.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mlrcopilot.agents.json.JsonCodec;

/** {@code runDir/trace.jsonl}: one JSON line per completed step. */
final class Trace {

    static final String FILE = "trace.jsonl";

    private final Path file;

    Trace(Path runDir) {
        this.file = runDir.resolve(FILE);
    }

    Path file() {
        return file;
    }

    void append(StepRecord record) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, JsonCodec.write(record) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** Creates the file if missing, so that a run that stops before its first step still has a trace. */
    void touch() {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }
}
