package org.mlrcopilot.agents.task;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.mlrcopilot.sandbox.ReadOnlyGlobs;

/** Turns the agent's relative names into paths inside the workspace, refusing escapes and read-only files. */
final class WorkspacePaths {

    private final Path root;
    private final ReadOnlyGlobs readOnly;

    WorkspacePaths(Path root, List<String> readOnlyGlobs) {
        this.root = root;
        this.readOnly = new ReadOnlyGlobs(readOnlyGlobs);
    }

    /** The path for {@code relative}: no absolute names, no "..", no symlink along the way. */
    Path resolve(String relative) {
        Path name = parse(relative).normalize();
        if (name.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")) {
            throw new WorkspaceException(
                    "absolute paths are not allowed, use a path relative to the workspace: " + relative);
        }
        if (name.startsWith("..")) {
            throw new WorkspaceException("path escapes the workspace: " + relative);
        }
        Path resolved = root.resolve(name).normalize();
        if (!resolved.startsWith(root)) {
            throw new WorkspaceException("path escapes the workspace: " + relative);
        }
        for (Path p = resolved; p != null && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new WorkspaceException("path goes through a symbolic link: " + relative);
            }
        }
        return resolved;
    }

    /** Like {@link #resolve} and also refuses files matching a read-only glob. */
    Path writable(String relative) {
        Path resolved = resolve(relative);
        if (resolved.equals(root)) {
            throw new WorkspaceException("not a file: " + relative);
        }
        Path name = root.relativize(resolved);
        readOnly.matching(name).ifPresent(glob -> {
            throw new WorkspaceException(name + " is read-only (matches '" + glob + "')");
        });
        return resolved;
    }

    String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static Path parse(String relative) {
        if (relative == null || relative.isBlank()) {
            throw new WorkspaceException("path is empty");
        }
        try {
            return Path.of(relative.strip());
        } catch (InvalidPathException e) {
            throw new WorkspaceException("invalid path: " + relative, e);
        }
    }
}
