package org.mlrcopilot.agents.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.json.JsonCodec;

/** Keeps each run's state as {@code <dir>/<runId>.json}, replaced atomically after every step. */
public final class FileRunCheckpoints implements RunCheckpoints {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final Path dir;

    public FileRunCheckpoints(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    @Override
    public void save(RunState state) {
        Path target = fileOf(state.runId());
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, state.runId(), ".tmp");
            Files.writeString(temp, JsonCodec.write(state));
            move(temp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the checkpoint of run " + state.runId(), e);
        }
    }

    @Override
    public Optional<RunState> load(String runId) {
        Path file = fileOf(runId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonCodec.read(Files.readString(file), RunState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint of run " + runId, e);
        }
    }

    private Path fileOf(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id must be letters, digits, '.', '_' or '-': " + runId);
        }
        return dir.resolve(runId + ".json");
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
