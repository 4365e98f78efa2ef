package org.mlrcopilot.agents.experiment.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mlrcopilot.agents.json.JsonCodec;

/** The tree of a run as {@code <runDir>/tree.json}, replaced atomically after every node. */
final class TreeCheckpoint {

    static final String FILE = "tree.json";

    /**
     * What is kept.
     *
     * @param baseline     the starter code's score on the validation rows (all held-out rows when the task does
     *                     not separate them), NaN before it is measured
     * @param testBaseline the starter code's score on the test rows, null before it is measured
     * @param nodes        every node, in the order they were created
     * @param closed       the nodes the team closed (neither improved nor fixed any more)
     * @param approved     whether the team approved running the code (the first-execution gate is passed)
     */
    record State(double baseline, Double testBaseline, List<Node> nodes, List<String> closed, boolean approved) {

        State {
            nodes = List.copyOf(Objects.requireNonNullElse(nodes, List.of()));
            closed = List.copyOf(Objects.requireNonNullElse(closed, List.of()));
        }

        static State empty() {
            return new State(Double.NaN, null, List.of(), List.of(), false);
        }
    }

    private final Path file;

    TreeCheckpoint(Path runDir) {
        this.file = runDir.resolve(FILE);
    }

    Path file() {
        return file;
    }

    synchronized void save(State state) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "tree", ".tmp");
            Files.writeString(temp, JsonCodec.write(state));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the tree in " + file, e);
        }
    }

    Optional<State> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonCodec.read(Files.readString(file), State.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tree in " + file, e);
        }
    }
}
