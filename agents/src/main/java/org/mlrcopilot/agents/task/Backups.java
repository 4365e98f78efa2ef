package org.mlrcopilot.agents.task;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** A stack of earlier versions per workspace file, kept on disk under the run directory so it survives a resume. */
final class Backups {

    private static final String ABSENT = ".absent";

    private final Path dir;

    Backups(Path dir) {
        this.dir = dir;
    }

    /** Saves the current state of {@code file} (its content, or that it does not exist yet). */
    void push(String relative, Path file) {
        Path stack = stack(relative);
        try {
            Files.createDirectories(stack);
            String next = String.format("%06d", entries(stack).size() + 1);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.copy(file, stack.resolve(next));
            } else {
                Files.createFile(stack.resolve(next + ABSENT));
            }
        } catch (IOException e) {
            throw new WorkspaceException("cannot back up " + relative + ": " + e.getMessage(), e);
        }
    }

    /** Restores the last saved state of {@code file}; false if there is none. */
    boolean pop(String relative, Path file) {
        Path stack = stack(relative);
        List<Path> entries = entries(stack);
        if (entries.isEmpty()) {
            return false;
        }
        Path last = entries.get(entries.size() - 1);
        try {
            if (last.getFileName().toString().endsWith(ABSENT)) {
                Files.deleteIfExists(file);
                Files.delete(last);
            } else {
                Files.createDirectories(file.getParent());
                Files.move(last, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new WorkspaceException("cannot restore " + relative + ": " + e.getMessage(), e);
        }
        return true;
    }

    private Path stack(String relative) {
        return dir.resolve(URLEncoder.encode(relative, StandardCharsets.UTF_8));
    }

    private static List<Path> entries(Path stack) {
        if (!Files.isDirectory(stack)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(stack)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new WorkspaceException("cannot read backups in " + stack + ": " + e.getMessage(), e);
        }
    }
}
