package org.mlrcopilot.agents.experiment.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mlrcopilot.agents.task.FileTrees;
import org.mlrcopilot.agents.task.TaskSpec;

/**
 * The prepared, unedited workspace every node starts from ({@code <runDir>/tree/starter}): which files it has, and
 * the code the prompts show (small text files of code-like types outside the task's read-only globs).
 */
final class StarterCode {

    private static final List<String> CODE =
            List.of(".py", ".txt", ".md", ".yaml", ".yml", ".json", ".sh", ".cfg", ".toml", ".ini", ".r");
    private static final int MAX_FILE_CHARS = 20_000;

    private final Path dir;
    private final List<PathMatcher> readOnly;

    StarterCode(Path dir, TaskSpec task) {
        this.dir = dir;
        this.readOnly = task.readOnlyGlobs().stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
    }

    Path dir() {
        return dir;
    }

    /** Every file, workspace-relative, sorted. */
    List<String> paths() {
        return FileTrees.regularFiles(dir).stream()
                .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                .sorted()
                .toList();
    }

    /** The code the prompts show, by path. */
    Map<String, String> code() {
        Map<String, String> code = new TreeMap<>();
        for (String path : paths()) {
            if (isCode(path) && !isReadOnly(path)) {
                Path file = dir.resolve(path);
                try {
                    if (Files.size(file) <= MAX_FILE_CHARS) {
                        String text = FileTrees.textOrNull(file);
                        if (text != null) {
                            code.put(path, text);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return code;
    }

    boolean isReadOnly(String path) {
        Path p = Path.of(path);
        return readOnly.stream().anyMatch(m -> m.matches(p));
    }

    private static boolean isCode(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return CODE.stream().anyMatch(lower::endsWith);
    }
}
