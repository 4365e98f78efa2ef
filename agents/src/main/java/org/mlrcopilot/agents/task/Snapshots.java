package org.mlrcopilot.agents.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Snapshots of a workspace's text files for diffs: {@code snapshots/<label>/} holds copies of the
 * text files, {@code snapshots/<label>.skipped} lists "sha256 size path" of binary and large files.
 */
final class Snapshots {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Snapshots() {}

    static Path take(Path workspace, Path snapshotsDir, String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new WorkspaceException("snapshot label must be letters, digits, '.', '_' or '-': " + label);
        }
        Path target = snapshotsDir.resolve(label);
        FileTrees.deleteTree(target);
        try {
            Files.createDirectories(target);
            Files.write(skippedList(target), copyText(workspace, target));
        } catch (IOException e) {
            throw new WorkspaceException("cannot snapshot the workspace as " + label + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** Copies the text files; returns "sha256 size path" of the others. */
    private static List<String> copyText(Path workspace, Path target) throws IOException {
        List<String> skipped = new ArrayList<>();
        for (Path file : FileTrees.regularFiles(workspace)) {
            String relative = workspace.relativize(file).toString().replace('\\', '/');
            FileState state = FileState.of(file);
            if (state.isText()) {
                Path copy = target.resolve(relative);
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            } else {
                skipped.add(state.sha256() + " " + state.size() + " " + relative);
            }
        }
        return skipped;
    }

    /** The files of a snapshot (or of any directory), by relative path. */
    static Map<String, FileState> read(Path dir) {
        Map<String, FileState> files = new TreeMap<>();
        for (Path file : FileTrees.regularFiles(dir)) {
            files.put(dir.relativize(file).toString().replace('\\', '/'), FileState.of(file));
        }
        Path skipped = skippedList(dir);
        if (Files.isRegularFile(skipped)) {
            try {
                for (String line : Files.readAllLines(skipped)) {
                    String[] parts = line.split(" ", 3);
                    if (parts.length == 3) {
                        files.put(parts[2], new FileState(null, Long.parseLong(parts[1]), parts[0]));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                throw new WorkspaceException("cannot read " + skipped + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static Path skippedList(Path snapshot) {
        return snapshot.resolveSibling(snapshot.getFileName() + ".skipped");
    }
}
