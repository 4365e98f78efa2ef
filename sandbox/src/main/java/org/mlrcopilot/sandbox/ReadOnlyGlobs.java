package org.mlrcopilot.sandbox;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;

/**
 * A task's read-only globs (relative to the workspace): a file is read-only when it, or a directory it is in,
 * matches one. The one rule for the agent's own tools and for what an execution may bring back.
 */
public final class ReadOnlyGlobs {

    private final List<String> globs;
    private final List<PathMatcher> matchers;

    public ReadOnlyGlobs(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.matchers = this.globs.stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
    }

    /** The glob {@code relative} (or a directory it is in) matches; empty when it is writable. */
    public Optional<String> matching(Path relative) {
        for (Path p = relative; p != null; p = p.getParent()) {
            for (int i = 0; i < matchers.size(); i++) {
                if (matchers.get(i).matches(p)) {
                    return Optional.of(globs.get(i));
                }
            }
        }
        return Optional.empty();
    }
}
